"""A small QR code encoder (ISO/IEC 18004): byte mode, error correction L or M, versions 1-10,
with the mask chosen by the standard's penalty rules. Enough for a URL with a token in it, for
the presenter view to show to a phone; pure Python, no Qt (the lock holds no QR library).

``encode(text)`` gives a square matrix of booleans (True is a dark module), without the quiet
zone: draw four light modules of margin around it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

MAX_VERSION = 10


class Level(Enum):
    """Error correction: L recovers ~7 % of the code, M ~15 %."""

    L = 0b01
    M = 0b00


@dataclass(frozen=True)
class Blocks:
    ec_per_block: int
    groups: tuple[tuple[int, int], ...]
    """(number of blocks, data codewords in each)."""

    @property
    def data_codewords(self) -> int:
        return sum(count * size for count, size in self.groups)


# ISO/IEC 18004 table 9, versions 1-10.
BLOCKS: dict[Level, tuple[Blocks, ...]] = {
    Level.L: (
        Blocks(7, ((1, 19),)),
        Blocks(10, ((1, 34),)),
        Blocks(15, ((1, 55),)),
        Blocks(20, ((1, 80),)),
        Blocks(26, ((1, 108),)),
        Blocks(18, ((2, 68),)),
        Blocks(20, ((2, 78),)),
        Blocks(24, ((2, 97),)),
        Blocks(30, ((2, 116),)),
        Blocks(18, ((2, 68), (2, 69))),
    ),
    Level.M: (
        Blocks(10, ((1, 16),)),
        Blocks(16, ((1, 28),)),
        Blocks(26, ((1, 44),)),
        Blocks(18, ((2, 32),)),
        Blocks(24, ((2, 43),)),
        Blocks(16, ((4, 27),)),
        Blocks(18, ((4, 31),)),
        Blocks(22, ((2, 38), (2, 39))),
        Blocks(22, ((3, 36), (2, 37))),
        Blocks(26, ((4, 43), (1, 44))),
    ),
}
ALIGNMENT_CENTRES: tuple[tuple[int, ...], ...] = (
    (),
    (6, 18),
    (6, 22),
    (6, 26),
    (6, 30),
    (6, 34),
    (6, 22, 38),
    (6, 24, 42),
    (6, 26, 46),
    (6, 28, 50),
)
BYTE_MODE = 0b0100


class TooLong(ValueError):
    """The text does not fit a version-10 code at this level."""


# -- Reed-Solomon over GF(256), polynomial 0x11D ------------------------------------------------

_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _power in range(255):
    _EXP[_power] = _value
    _LOG[_value] = _power
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D
for _power in range(255, 512):
    _EXP[_power] = _EXP[_power - 255]


def _multiply(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else _EXP[_LOG[a] + _LOG[b]]


def generator(degree: int) -> list[int]:
    """Coefficients of (x - α^0)(x - α^1)…(x - α^(degree-1)), highest power first."""
    poly = [1]
    for i in range(degree):
        poly = [a ^ _multiply(b, _EXP[i]) for a, b in zip([*poly, 0], [0, *poly], strict=True)]
    return poly


def error_correction(data: list[int], degree: int) -> list[int]:
    """The ``degree`` error correction codewords for ``data`` (polynomial division)."""
    gen = generator(degree)
    remainder = [*data, *([0] * degree)]
    for i in range(len(data)):
        factor = remainder[i]
        if factor:
            for j, coefficient in enumerate(gen):
                remainder[i + j] ^= _multiply(coefficient, factor)
    return remainder[len(data) :]


# -- format and version information (BCH codes) -------------------------------------------------


def _bch(value: int, poly: int, bits: int) -> int:
    remainder = value << bits
    top = poly.bit_length() - 1
    for shift in range(remainder.bit_length() - 1, top - 1, -1):
        if remainder >> shift & 1:
            remainder ^= poly << (shift - top)
    return remainder


def format_bits(level: Level, mask: int) -> int:
    """The 15 format bits: level and mask, BCH(15,5), XOR 101010000010010."""
    value = level.value << 3 | mask
    return (value << 10 | _bch(value, 0b10100110111, 10)) ^ 0b101010000010010


def version_bits(version: int) -> int:
    """The 18 version bits (versions 7 and up): BCH(18,6)."""
    return version << 12 | _bch(version, 0b1111100100101, 12)


# -- data -------------------------------------------------------------------------------------


def choose_version(length: int, level: Level) -> int:
    for version in range(1, MAX_VERSION + 1):
        count_bits = 8 if version < 10 else 16
        if 4 + count_bits + 8 * length <= 8 * BLOCKS[level][version - 1].data_codewords:
            return version
    raise TooLong(
        f"{length} bytes do not fit a version-{MAX_VERSION} QR code at level {level.name}"
    )


def data_codewords(payload: bytes, version: int, level: Level) -> list[int]:
    """Mode, count, the bytes, terminator and padding: the data codewords before EC."""
    capacity = BLOCKS[level][version - 1].data_codewords
    count_bits = 8 if version < 10 else 16
    bits: list[int] = []

    def put(value: int, width: int) -> None:
        bits.extend(value >> (width - 1 - i) & 1 for i in range(width))

    put(BYTE_MODE, 4)
    put(len(payload), count_bits)
    for byte in payload:
        put(byte, 8)
    put(0, min(4, 8 * capacity - len(bits)))
    put(0, -len(bits) % 8)
    codewords = [int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits), 8)]
    pad = (0xEC, 0x11)
    codewords += [pad[i % 2] for i in range(capacity - len(codewords))]
    return codewords


def interleaved(data: list[int], version: int, level: Level) -> list[int]:
    """Data split into blocks, each given its EC codewords, interleaved column by column."""
    spec = BLOCKS[level][version - 1]
    blocks: list[list[int]] = []
    start = 0
    for count, size in spec.groups:
        for _ in range(count):
            blocks.append(data[start : start + size])
            start += size
    ec = [error_correction(block, spec.ec_per_block) for block in blocks]
    longest = max(len(block) for block in blocks)
    out = [block[i] for i in range(longest) for block in blocks if i < len(block)]
    out += [codes[i] for i in range(spec.ec_per_block) for codes in ec]
    return out


# -- the matrix -------------------------------------------------------------------------------


def size_of(version: int) -> int:
    return 17 + 4 * version


class _Grid:
    def __init__(self, version: int) -> None:
        self.version = version
        self.size = size_of(version)
        self.dark = [[False] * self.size for _ in range(self.size)]
        self.fixed = [[False] * self.size for _ in range(self.size)]

    def set(self, row: int, column: int, dark: bool) -> None:
        self.dark[row][column] = dark
        self.fixed[row][column] = True

    def function_patterns(self) -> None:
        n = self.size
        for row, column in ((0, 0), (0, n - 7), (n - 7, 0)):
            for dr in range(-1, 8):
                for dc in range(-1, 8):
                    r, c = row + dr, column + dc
                    if 0 <= r < n and 0 <= c < n:
                        ring = max(abs(dr - 3), abs(dc - 3))
                        self.set(r, c, ring in (0, 1, 3))
        for i in range(8, n - 8):
            self.set(6, i, i % 2 == 0)
            self.set(i, 6, i % 2 == 0)
        centres = ALIGNMENT_CENTRES[self.version - 1]
        corners = {(6, 6), (6, n - 7), (n - 7, 6)}
        for row in centres:
            for column in centres:
                if (row, column) in corners:
                    continue  # where the finder patterns are
                for dr in range(-2, 3):
                    for dc in range(-2, 3):
                        self.set(row + dr, column + dc, max(abs(dr), abs(dc)) != 1)
        self.set(n - 8, 8, True)  # the dark module
        self.place_format(0)  # reserve; real bits go in after masking
        if self.version >= 7:
            bits = version_bits(self.version)
            for i in range(18):
                dark = bool(bits >> i & 1)
                self.set(i // 3, n - 11 + i % 3, dark)
                self.set(n - 11 + i % 3, i // 3, dark)

    def place_format(self, bits: int) -> None:
        n = self.size
        for i in range(15):
            dark = bool(bits >> i & 1)
            # Around the top-left finder: bits 0-7 up column 8, 8-14 along row 8.
            if i < 6:
                self.set(i, 8, dark)
            elif i < 8:
                self.set(i + 1, 8, dark)
            elif i == 8:
                self.set(8, 7, dark)
            else:
                self.set(8, 14 - i, dark)
            # The copy: bits 0-7 along row 8 from the right, 8-14 up column 8 from the bottom.
            if i < 8:
                self.set(8, n - 1 - i, dark)
            else:
                self.set(n - 15 + i, 8, dark)

    def place_data(self, codewords: list[int]) -> None:
        bits = [byte >> (7 - i) & 1 for byte in codewords for i in range(8)]
        index = 0
        n = self.size
        column = n - 1
        upward = True
        while column > 0:
            if column == 6:
                column -= 1  # the vertical timing pattern
            rows = range(n - 1, -1, -1) if upward else range(n)
            for row in rows:
                for c in (column, column - 1):
                    if not self.fixed[row][c]:
                        self.dark[row][c] = index < len(bits) and bits[index] == 1
                        index += 1
            upward = not upward
            column -= 2


MASKS: tuple[Callable[[int, int], bool], ...] = (
    lambda r, c: (r + c) % 2 == 0,
    lambda r, c: r % 2 == 0,
    lambda r, c: c % 3 == 0,
    lambda r, c: (r + c) % 3 == 0,
    lambda r, c: (r // 2 + c // 3) % 2 == 0,
    lambda r, c: r * c % 2 + r * c % 3 == 0,
    lambda r, c: (r * c % 2 + r * c % 3) % 2 == 0,
    lambda r, c: ((r + c) % 2 + r * c % 3) % 2 == 0,
)


def penalty(matrix: list[list[bool]]) -> int:
    """The standard's four penalty rules: runs, 2×2 blocks, finder-like patterns, balance."""
    n = len(matrix)
    score = 0
    lines = matrix + [list(column) for column in zip(*matrix, strict=True)]
    pattern = [True, False, True, True, True, False, True, False, False, False, False]
    finder_like = (pattern, pattern[::-1])
    for line in lines:
        run = 1
        for i in range(1, n + 1):
            if i < n and line[i] == line[i - 1]:
                run += 1
                continue
            if run >= 5:
                score += run - 2
            run = 1
        for i in range(n - 10):
            if line[i : i + 11] in finder_like:
                score += 40
    for r in range(n - 1):
        for c in range(n - 1):
            if matrix[r][c] == matrix[r][c + 1] == matrix[r + 1][c] == matrix[r + 1][c + 1]:
                score += 3
    dark = sum(map(sum, matrix))
    score += abs(dark * 20 - n * n * 10) // (n * n) * 10
    return score


def encode(text: str, level: Level = Level.M, *, mask: int | None = None) -> list[list[bool]]:
    """The QR code for ``text`` (UTF-8, byte mode), smallest version that holds it; the mask
    with the lowest penalty unless ``mask`` names one. Raises TooLong past version 10."""
    payload = text.encode("utf-8")
    version = choose_version(len(payload), level)
    codewords = interleaved(data_codewords(payload, version, level), version, level)
    best: tuple[int, list[list[bool]]] | None = None
    for candidate in range(8) if mask is None else (mask,):
        grid = _Grid(version)
        grid.function_patterns()
        grid.place_data(codewords)
        rule = MASKS[candidate]
        for r in range(grid.size):
            for c in range(grid.size):
                if not grid.fixed[r][c] and rule(r, c):
                    grid.dark[r][c] = not grid.dark[r][c]
        grid.place_format(format_bits(level, candidate))
        score = penalty(grid.dark)
        if best is None or score < best[0]:
            best = (score, grid.dark)
    assert best is not None
    return best[1]

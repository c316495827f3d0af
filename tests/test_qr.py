"""The QR encoder against published values (format and version bits, Reed-Solomon codewords)
and read back by an independent reader written here from the standard's description."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piritimer.core.qr import (
    Level,
    TooLong,
    data_codewords,
    encode,
    error_correction,
    format_bits,
    interleaved,
    size_of,
    version_bits,
)

# ISO/IEC 18004 Annex C (as tabulated by Thonky's QR tutorial): level L and M, masks 0-7.
FORMAT = {
    Level.L: (
        "111011111000100",
        "111001011110011",
        "111110110101010",
        "111100010011101",
        "110011000101111",
        "110001100011000",
        "110110001000001",
        "110100101110110",
    ),
    Level.M: (
        "101010000010010",
        "101000100100101",
        "101111001111100",
        "101101101001011",
        "100010111111001",
        "100000011001110",
        "100111110010111",
        "100101010100000",
    ),
}
VERSION = {
    7: "000111110010010100",
    8: "001000010110111100",
    9: "001001101010011001",
    10: "001010010011010011",
}


@pytest.mark.parametrize("level", [Level.L, Level.M])
@pytest.mark.parametrize("mask", range(8))
def test_format_bits_match_the_standard(level: Level, mask: int) -> None:
    assert format(format_bits(level, mask), "015b") == FORMAT[level][mask]


@pytest.mark.parametrize("version", sorted(VERSION))
def test_version_bits_match_the_standard(version: int) -> None:
    assert format(version_bits(version), "018b") == VERSION[version]


def test_reed_solomon_matches_the_hello_world_example() -> None:
    """The worked example "HELLO WORLD" as 1-M: its data codewords and published EC words."""
    data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
    assert error_correction(data, 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]


def test_byte_mode_data_codewords() -> None:
    # 0100 (byte) 00000010 (2) 'h' 'i' 0000, then the pad bytes 236 and 17 alternately.
    assert data_codewords(b"hi", 1, Level.M) == [0x40, 0x26, 0x86, 0x90, *([236, 17] * 6)]


# -- an independent reader ----------------------------------------------------------------------

MASK_RULES = {
    0: lambda r, c: (r + c) % 2 == 0,
    1: lambda r, c: r % 2 == 0,
    2: lambda r, c: c % 3 == 0,
    3: lambda r, c: (r + c) % 3 == 0,
    4: lambda r, c: (r // 2 + c // 3) % 2 == 0,
    5: lambda r, c: (r * c) % 2 + (r * c) % 3 == 0,
    6: lambda r, c: ((r * c) % 2 + (r * c) % 3) % 2 == 0,
    7: lambda r, c: ((r + c) % 2 + (r * c) % 3) % 2 == 0,
}
ALIGN = {
    1: [],
    2: [6, 18],
    3: [6, 22],
    4: [6, 26],
    5: [6, 30],
    6: [6, 34],
    7: [6, 22, 38],
    8: [6, 24, 42],
    9: [6, 26, 46],
    10: [6, 28, 50],
}


def is_function(version: int, r: int, c: int) -> bool:
    n = 17 + 4 * version
    if (r < 9 and c < 9) or (r < 9 and c >= n - 8) or (r >= n - 8 and c < 9):
        return True  # finders, separators and format areas
    if r == 6 or c == 6:
        return True
    centres = ALIGN[version]
    for ar in centres:
        for ac in centres:
            near_finder = (ar, ac) in {(6, 6), (6, n - 7), (n - 7, 6)}
            if not near_finder and abs(r - ar) <= 2 and abs(c - ac) <= 2:
                return True
    return version >= 7 and ((r < 6 and c >= n - 11) or (c < 6 and r >= n - 11))


def read_back(matrix: list[list[bool]]) -> tuple[str, Level, int]:
    n = len(matrix)
    version = (n - 17) // 4
    # Format bits, the copy along row 8 from the right edge (bits 0-7) and up column 8.
    bits = [matrix[8][n - 1 - i] for i in range(8)] + [matrix[n - 15 + i][8] for i in range(8, 15)]
    word = "".join("1" if b else "0" for b in reversed(bits))
    level, mask = next(
        (lv, m) for lv, words in FORMAT.items() for m, w in enumerate(words) if w == word
    )
    # The other copy agrees.
    first = [matrix[i][8] for i in range(6)] + [matrix[7][8], matrix[8][8], matrix[8][7]]
    first += [matrix[8][14 - i] for i in range(9, 15)]
    assert "".join("1" if b else "0" for b in reversed(first)) == word
    stream: list[int] = []
    column, going_up = n - 1, True
    while column > 0:
        if column == 6:
            column -= 1
        for step in range(n):
            r = n - 1 - step if going_up else step
            for c in (column, column - 1):
                if not is_function(version, r, c):
                    stream.append(int(matrix[r][c] != MASK_RULES[mask](r, c)))
        going_up = not going_up
        column -= 2
    codewords = [int("".join(map(str, stream[i : i + 8])), 2) for i in range(0, len(stream) - 7, 8)]
    # De-interleave the data codewords (block sizes from the standard's table, via the encoder's
    # own split being checked: the reader recomputes it from the block lengths).
    from piritimer.core.qr import BLOCKS

    spec = BLOCKS[level][version - 1]
    sizes = [size for count, size in spec.groups for _ in range(count)]
    blocks: list[list[int]] = [[] for _ in sizes]
    index = 0
    for i in range(max(sizes)):
        for b, size in enumerate(sizes):
            if i < size:
                blocks[b].append(codewords[index])
                index += 1
    ec_blocks: list[list[int]] = [[] for _ in sizes]
    for _ in range(spec.ec_per_block):
        for b in range(len(sizes)):
            ec_blocks[b].append(codewords[index])
            index += 1
    for data, ec in zip(blocks, ec_blocks, strict=True):
        assert error_correction(data, spec.ec_per_block) == ec
    data_bits = "".join(format(byte, "08b") for block in blocks for byte in block)
    assert data_bits[:4] == "0100"
    count_width = 8 if version < 10 else 16
    length = int(data_bits[4 : 4 + count_width], 2)
    start = 4 + count_width
    payload = bytes(int(data_bits[start + 8 * i : start + 8 * i + 8], 2) for i in range(length))
    return payload.decode("utf-8"), level, mask


def test_a_url_reads_back() -> None:
    url = "http://192.168.1.23:8766/r/Qx3vT9bLkP2mZ8wA1cD4eF/"
    matrix = encode(url)
    assert len(matrix) == size_of(4)  # 46 bytes at level M
    assert read_back(matrix)[:2] == (url, Level.M)


@pytest.mark.parametrize("mask", range(8))
def test_every_mask_reads_back(mask: int) -> None:
    assert read_back(encode("piritimer", Level.L, mask=mask)) == ("piritimer", Level.L, mask)


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=0, max_size=150), st.sampled_from([Level.L, Level.M]))
def test_any_text_up_to_version_10_reads_back(text: str, level: Level) -> None:
    try:
        matrix = encode(text, level)
    except TooLong:
        assert len(text.encode()) > 200
        return
    assert read_back(matrix)[:2] == (text, level)


def test_finder_patterns_and_timing() -> None:
    matrix = encode("x")
    n = len(matrix)
    assert n == 21
    ring = (
        [[True] * 7]
        + [[True, False, False, False, False, False, True]]
        + [[True, False, True, True, True, False, True]] * 3
        + [[True, False, False, False, False, False, True]]
        + [[True] * 7]
    )
    for r0, c0 in ((0, 0), (0, n - 7), (n - 7, 0)):
        assert [row[c0 : c0 + 7] for row in matrix[r0 : r0 + 7]] == ring
    assert [matrix[6][c] for c in range(8, n - 8)] == [c % 2 == 0 for c in range(8, n - 8)]
    assert matrix[n - 8][8] is True  # the dark module


def test_too_long() -> None:
    with pytest.raises(TooLong):
        encode("x" * 300)


def test_interleaving_keeps_every_codeword() -> None:
    data = data_codewords(b"a" * 100, 10, Level.M)
    out = interleaved(data, 10, Level.M)
    assert len(out) == 216 + 5 * 26  # version 10-M: 216 data, 5 blocks of 26 EC
    assert sorted(out[:216]) == sorted(data)

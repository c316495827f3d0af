from piritimer.cli import main

raise SystemExit(main())

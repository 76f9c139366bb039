from ilp.cli import main

raise SystemExit(main())

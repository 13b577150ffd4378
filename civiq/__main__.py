from civiq.cli import main

raise SystemExit(main())

from sharedsvc_desktop.cli import main

raise SystemExit(main())

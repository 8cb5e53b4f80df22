from sharedsvc_desktop.launcher import main

raise SystemExit(main())

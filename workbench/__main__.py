import multiprocessing

from workbench.cli import main

if __name__ == "__main__":
    # Import workers are spawned processes; a frozen (PyInstaller) build must let them start.
    multiprocessing.freeze_support()
    raise SystemExit(main())

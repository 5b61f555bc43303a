import sys

from workbench.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # Import workers are spawned processes; a frozen (PyInstaller) build must let them start.
        import multiprocessing

        multiprocessing.freeze_support()
    raise SystemExit(main())

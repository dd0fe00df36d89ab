"""``python -m quotecli``: the same entry point as the ``quotecli`` command."""

from quotecli.cli import main

if __name__ == "__main__":
    main()

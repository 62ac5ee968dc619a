"""Check a Linux bundle's shared libraries: every dependency is either inside the bundle or
one PyInstaller itself leaves to the system (libc, libGL, ...).

    uv run --with pyinstaller python packaging/check_bundle.py dist/supervisor-app

The spec leaves out Qt plugins the app never loads and the libraries only they needed; this
catches a library left out that something kept still links to. A dependency found neither in
the bundle nor on the build machine (e.g. libwayland-cursor on a machine without Wayland) is
listed as expected from the user's system, not counted as a failure. Exit code 1 on failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def shared_libraries(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("*") if p.is_file() and (p.suffix == ".so" or ".so." in p.name))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    bundle = Path(argv[0]).resolve()
    internal = bundle / "_internal"
    # At run time the bootloader puts _internal on the library path; look the same way.
    os.environ["LD_LIBRARY_PATH"] = str(internal)
    from PyInstaller.depend import bindepend, dylib

    libraries = shared_libraries(bundle)
    bundled = {p.name for p in libraries}
    should_have_been_bundled: list[str] = []
    from_the_system: set[str] = set()
    for library in libraries:
        for name, path in bindepend.get_imports(str(library)):
            base = Path(name).name
            if base in bundled or (path and Path(path).resolve().is_relative_to(bundle)):
                continue
            if path is None:
                from_the_system.add(base)
            elif dylib.include_library(base):
                should_have_been_bundled.append(
                    f"{library.relative_to(bundle)} needs {base} (found at {path})"
                )
    print(f"{len(libraries)} libraries checked")
    if from_the_system:
        print("expected from the user's system (not on this machine):", ", ".join(sorted(from_the_system)))
    if should_have_been_bundled:
        print("missing from the bundle:", *should_have_been_bundled, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

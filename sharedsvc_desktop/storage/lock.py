"""One window per data folder: an operating-system lock on a file, released by the system even after a crash
(so a lock left by a crashed program is never mistaken for a running one)."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import IO

from sharedsvc_desktop.errors import StorageError

LOCK_NAME = "sharedsvc.lock"


class InstanceLock:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the program's life
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another program"
            handle.close()
            raise StorageError(
                f"Shared Services Desktop is already open on this data folder ({holder}). "
                "Switch to that window, or close it first."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} on {socket.gethostname()}")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            try:
                _unlock(self._file)
            finally:
                self._file.close()
                self._file = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "afs", "9p", "davfs", "ncpfs"}


def network_share_warning(path: Path) -> str | None:
    """A warning when the data folder is on a network file system, where SQLite's write-ahead log is unsafe."""
    path = Path(path).resolve()
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        text = str(path)
        if text.startswith("\\\\"):
            remote = True
        else:
            drive = os.path.splitdrive(text)[0] + "\\"
            remote = ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    else:
        remote = _mount_type(path) in NETWORK_FILESYSTEMS
    if not remote:
        return None
    return (
        f"The data folder {path} is on a network share. SQLite cannot keep a database safe over a network "
        "file system: keep the data folder on this computer, or use a PostgreSQL server to share it."
    )


def _mount_type(path: Path) -> str:
    try:
        lines = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount = parts[1].replace("\\040", " ")
        if (str(path) == mount or str(path).startswith(mount.rstrip("/") + "/")) and len(mount) > len(best):
            best, kind = mount, parts[2]
    return kind

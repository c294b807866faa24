"""Worker processes of a write, made to die with the process that started them.

A bulk build forks extraction workers (index/pipeline.py; Whoosh's `ix.writer(procs=N)` forks writer
processes the same way). A forked child inherits everything,
so when the parent was killed the children stayed blocked on their job queue forever, under pid 1,
holding a copy of the index lock. While a multi-process write runs, every child forked by it:
  - asks the kernel for SIGKILL when its parent dies (Linux prctl PR_SET_PDEATHSIG; elsewhere a
    thread polls the parent pid), and exits at once if the parent is already gone;
  - ignores SIGINT (Ctrl-C reaches the whole process group: the parent alone cleans up, so no
    worker prints a traceback) and takes SIGTERM's default (die quietly when stopped).
The index lock is closed in children by store._drop_locks_in_child. `stop` ends the workers of
an abandoned write, so nothing outlives a cancelled rebuild.
"""
from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

PR_SET_PDEATHSIG = 1
_parent: int | None = None  # the pid of a process running a multi-process write


def _die_with_parent(parent: int) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # not Linux
        armed = False
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
    if not armed:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()


def _in_child() -> None:
    global _parent
    parent, _parent = _parent, None
    if parent is None:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_in_child)


@contextmanager
def guarded() -> Iterator[None]:
    """While inside, processes forked by this one die with it and leave signals to it."""
    global _parent
    previous, _parent = _parent, os.getpid()
    try:
        yield
    finally:
        _parent = previous


def stop(writer, timeout: float = 5.0) -> None:
    """End the writer processes of a cancelled multi-process writer (a no-op for a plain writer)."""
    for task in getattr(writer, "tasks", ()):
        if not hasattr(task, "terminate"):  # the serial writer's tasks are plain objects
            continue
        if task.is_alive():
            task.terminate()
        task.join(timeout)
        if task.is_alive():
            task.kill()
            task.join(timeout)
    for name in ("jobqueue", "resultqueue"):
        q = getattr(writer, name, None)
        if q is not None:  # a queue's feeder thread would otherwise block the exit flushing to no one
            q.cancel_join_thread()
            q.close()

"""The benchmark still runs: at a tiny scale it prints every metric as one valid JSON line.

Not a timed test: nothing here looks at the figures (benchmarks/README.md has them). It only
proves that the generator, the runner and the pieces of the app they drive still fit together.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
METRICS = [
    "startup",
    "progress",
    "progress_repeat",
    "agency_list",
    "list_open",
    "pdf",
    "sign_batch",
    "verify",
    "import",
    "rss",
    "cli_progress",
]
KEYS = {"metric", "value", "unit", "baseline", "ratio", "target", "met"}


def test_the_benchmark_prints_every_metric_at_a_tiny_scale(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--scale",
            "0.002",
            "--startup-runs",
            "1",
            "--pdf-runs",
            "1",
            "--cli-runs",
            "1",
            "--cli-sample",
            "2",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    # Exit 1 exactly when a target is missed (the figures of a tiny, shared run may miss some).
    assert proc.returncode == (0 if all(line["met"] for line in lines) else 1), proc.stderr[-3000:]
    assert [line["metric"] for line in lines] == METRICS, proc.stdout
    for line in lines:
        assert KEYS <= set(line), line
        assert isinstance(line["value"], int | float), (
            f"{line['metric']} was not measured: {line.get('note')}"
        )
        assert isinstance(line["met"], bool), line
        assert line["unit"] and line["target"], line
    # The generator writes valid signatures: the app's own verify finds nothing wrong.
    verify = next(line for line in lines if line["metric"] == "verify")
    assert " 0 problems" in verify["note"], verify["note"]


def test_the_agency_metrics_run_on_postgresql(tmp_path: Path, postgres_server: Any) -> None:
    """pg_agency_list, sync_first and sync_week (issue 17) on an empty database of the real
    server (``--pg``): each measured, the first sync brings records down and each week's go up."""
    url = postgres_server.url(postgres_server.create_database())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--scale",
            "0.002",
            "--pg",
            url,
            "--only",
            "pg_agency_list,sync_first,sync_week",
            "--sync-first-runs",
            "1",
            "--sync-week-runs",
            "2",
            "--sync-week-records",
            "12",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    names = [line["metric"] for line in lines]
    assert names == ["pg_agency_list", "sync_first", "sync_week"], proc.stderr[-3000:]
    assert proc.returncode == (0 if all(line["met"] for line in lines) else 1), proc.stderr[-3000:]
    for line in lines:
        assert isinstance(line["value"], int | float) and isinstance(line["baseline"], int | float), line
    first, week = lines[1]["note"], lines[2]["note"]
    assert re.match(r"[1-9][\d,]* records of [1-9]\d* supervisees down", first), first
    assert "sent [12, 12], received [0, 0]" in week, week
    assert "supervisee verifications" in first and "supervisee verifications" in week


def test_a_missed_target_is_judged_from_the_specs() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from run import SPECS, meets
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert SPECS["progress"][1] == "ratio <= 2.5" and SPECS["import"][1] == "ratio >= 0.8"
    assert meets("ratio <= 2.5", 30.0, 2.4) and not meets("ratio <= 2.5", 30.0, 2.6)
    assert meets("value <= 0.5 and ratio <= 2", 0.4, 1.9)
    assert not meets("value <= 0.5 and ratio <= 2", 0.6, 1.9)  # every clause must hold
    assert not meets("value <= 0.5 and ratio <= 2", 0.4, 2.1)
    assert meets("value >= 100000", 109_500.0, None) and not meets("value >= 100000", 99_000.0, None)
    assert not meets("ratio >= 0.8", 50_000.0, None)  # not measured: not met

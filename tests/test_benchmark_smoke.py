"""The benchmark still runs: at a tiny scale it prints every metric as one valid JSON line.

Not a timed test: nothing here looks at the figures (benchmarks/README.md has them). It only
proves that the generator, the runner and the pieces of the app they drive still fit together.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
METRICS = ["startup", "progress", "progress_repeat", "agency_list", "list_open", "pdf", "sign_batch", "verify", "import", "rss"]
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
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
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

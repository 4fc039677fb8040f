"""Scaling curves: time against document size and against rule count, and
a linearity verdict for each."""

from __future__ import annotations

import math
from dataclasses import dataclass

# A curve is linear when each step's extra time grows no faster than its
# extra work times this slack (timing noise on a shared 2-core machine).
LINEAR_SLACK = 1.35
# Steps whose extra time is below this are noise, not evidence.
MIN_SIGNAL_S = 0.25


@dataclass
class Point:
    """One point of a curve: how much work (bytes or rule copies) and the time."""

    amount: float
    label: str
    wall: float
    cpu: float
    peak_mb: float


def linearity(points: list[Point], baseline: float) -> dict:
    """Compare how CPU time grows with how work grows, step by step.

    CPU time, not wall time: on a shared machine other processes stretch
    wall time at random, while the work a run does stays put. ``baseline``
    is the fixed cost (start-up, loading rules) measured with no work; it is
    subtracted so that a constant start-up does not hide a super-linear core. For each step between consecutive points, the
    ``growth`` is (extra-time ratio) / (work ratio): 1.0 is linear, below 1
    is sub-linear, above ``LINEAR_SLACK`` is worse than linear.
    """
    steps = []
    for small, big in zip(points, points[1:]):
        work_ratio = big.amount / small.amount
        extra_small = max(small.cpu - baseline, 1e-3)
        extra_big = max(big.cpu - baseline, 1e-3)
        growth = (extra_big / extra_small) / work_ratio
        steps.append({
            "from": small.label, "to": big.label, "work_ratio": round(work_ratio, 2),
            "time_ratio": round(big.cpu / small.cpu, 2),
            "extra_time_ratio": round(extra_big / extra_small, 2),
            "growth": round(growth, 2),
            "counted": extra_small >= MIN_SIGNAL_S,
        })
    counted = [s for s in steps if s["counted"]]
    exponent = _loglog_slope([(p.amount, p.cpu - baseline) for p in points if p.cpu - baseline >= MIN_SIGNAL_S])
    return {
        "baseline_s": round(baseline, 3),
        "steps": steps,
        "loglog_exponent": None if exponent is None else round(exponent, 2),
        "linear": bool(counted) and all(s["growth"] <= LINEAR_SLACK for s in counted),
    }


def _loglog_slope(pairs: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(time) against log(work): 1.0 is linear."""
    if len(pairs) < 2:
        return None
    xs = [math.log(a) for a, _ in pairs]
    ys = [math.log(t) for _, t in pairs]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / var if var else None


def format_curve(title: str, unit: str, points: list[Point], verdict: dict) -> str:
    """The curve as a small table with its verdict."""
    lines = [f"{title}: CPU time; fixed cost {verdict['baseline_s']:.2f} s subtracted in 'growth'",
             f"  {unit:<10} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}"]
    lines += [f"  {p.label:<10} {p.wall:>8.2f} {p.cpu:>8.2f} {p.peak_mb:>8.0f}" for p in points]
    for step in verdict["steps"]:
        mark = "" if step["counted"] else "  (below noise, not counted)"
        lines.append(f"  {step['from']:>6} -> {step['to']:<6} work x{step['work_ratio']:<6} "
                     f"cpu x{step['time_ratio']:<6} extra cpu x{step['extra_time_ratio']:<7} "
                     f"growth {step['growth']:.2f}{mark}")
    exponent = verdict["loglog_exponent"]
    lines.append(f"  log-log exponent {exponent if exponent is not None else 'n/a'}; "
                 f"linear: {'yes' if verdict['linear'] else 'NO'} (every counted growth <= {LINEAR_SLACK})")
    return "\n".join(lines)

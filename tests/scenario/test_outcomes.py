"""The outcome model, its explanation, sensitivity, Monte Carlo and argument balance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenario.argument_balance import argument_balance, weight_totals
from scenario.model import Pack
from scenario.outcome_sensitivity import sensitivity
from scenario.outcome_uncertainty import monte_carlo, triangular
from scenario.outcomes import OutcomeTree, evaluate, explain, percent, ranges_of, values_of
from scenario.pack import load_pack
from scenario.record import ArgumentWeight, AssumptionValue, ScenarioRecord

MINI = Path(__file__).parent.parent / "data" / "mini-pack.json"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(MINI).pack


def test_hand_computed_tree(pack):
    result = evaluate(pack, {})
    assert result.probability("o-sold") == pytest.approx(0.4)
    assert result.probability("o-blocked") == pytest.approx(0.6 * 0.5)
    assert result.probability("o-banned") == pytest.approx(0.6 * 0.5)
    result = evaluate(pack, {"p-deal": 0.1, "p-court": 0.8})
    assert result.probability("o-blocked") == pytest.approx(0.9 * 0.8)
    assert result.probability("o-banned") == pytest.approx(0.9 * 0.2)


def test_values_are_clamped_and_non_finite_fall_back_to_default(pack):
    result = evaluate(pack, {"p-deal": 1.7, "p-court": float("nan")})
    assert result.values == {"p-deal": 1.0, "p-court": 0.5}
    assert result.probability("o-sold") == 1.0


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1))
def test_outcomes_sum_to_one(deal, court):
    result = evaluate(load_pack(MINI).pack, {"p-deal": deal, "p-court": court})
    assert sum(o.probability for o in result.outcomes) == pytest.approx(1.0, abs=1e-12)
    assert all(0.0 <= o.probability <= 1.0 for o in result.outcomes)


def test_paths_and_explanation(pack):
    result = evaluate(pack, {})
    assert len(result.paths) == 3
    assert sum(p.probability for p in result.paths) == pytest.approx(1.0)
    text = explain(result, "o-blocked").text
    assert text == "Is a deal agreed? no (60%) × Do courts block it? yes (50%) = 30%"
    assert explain(result, "o-sold").lines == ("Is a deal agreed? yes (40%) = 40%",)


def test_explanation_totals_several_paths(pack):
    model = msgspec.structs.replace(pack.outcome_model, nodes=[
        msgspec.structs.replace(pack.outcome_model.nodes[0], yes="o-blocked"),
        pack.outcome_model.nodes[1],
    ], outcomes=pack.outcome_model.outcomes)
    tree = OutcomeTree.build(model, pack.assumptions)
    explanation = explain(evaluate(tree, {}), "o-blocked")
    assert explanation.probability == pytest.approx(0.7)
    assert explanation.lines[-1] == "Total: 40% + 30% = 70%"


def test_percent_keeps_meaningful_decimals():
    assert [percent(p) for p in (0.3, 0.025, 0.0004, 0.0, 1.0)] == ["30%", "2.5%", "<0.1%", "0%", "100%"]


def test_record_values_and_ranges():
    record = ScenarioRecord(name="s", pack_id="mini", assumptions={
        "p-deal": AssumptionValue(value=0.3, low=0.1, high=0.5),
        "p-court": AssumptionValue(value=0.6, high=0.9),
        "users": AssumptionValue(value=120),
    })
    assert values_of(record) == {"p-deal": 0.3, "p-court": 0.6, "users": 120}
    assert ranges_of(record) == {"p-deal": (0.1, 0.5), "p-court": (0.6, 0.9)}


def test_monte_carlo_zero_width_equals_exact(pack):
    values = {"p-deal": 0.37, "p-court": 0.61}
    exact = evaluate(pack, values)
    result = monte_carlo(pack, values, {"p-deal": (0.37, 0.37), "p-court": (0.61, 0.61)})
    assert not result.has_spread
    for interval in result.intervals:
        p = exact.probability(interval.outcome_id)
        assert interval.point == interval.median == interval.low == interval.high == p


def test_monte_carlo_wider_ranges_widen_interval(pack):
    values = {"p-deal": 0.4, "p-court": 0.5}
    narrow = monte_carlo(pack, values, {"p-deal": (0.35, 0.45)}).interval("o-sold")
    wide = monte_carlo(pack, values, {"p-deal": (0.1, 0.8)}).interval("o-sold")
    assert wide.high - wide.low > narrow.high - narrow.low > 0
    assert narrow.low < 0.4 < narrow.high


def test_monte_carlo_is_seeded(pack):
    ranges = {"p-deal": (0.1, 0.8), "p-court": (0.2, 0.7)}
    assert monte_carlo(pack, {}, ranges) == monte_carlo(pack, {}, ranges)
    assert monte_carlo(pack, {}, ranges, seed=1) != monte_carlo(pack, {}, ranges, seed=2)
    assert monte_carlo(pack, {}, ranges).samples >= 10_000


def test_triangular_keeps_limits_and_mode():
    u = np.linspace(0, 1, 10_001)
    x = triangular(u, 0.2, 0.3, 0.8)
    assert x.min() == pytest.approx(0.2) and x.max() == pytest.approx(0.8)
    assert np.all(np.diff(x) >= 0)
    assert np.mean(x < 0.3) == pytest.approx(0.1 / 0.6, abs=1e-3)


def test_sensitivity_ranks_dominant_assumption_first(pack):
    result = sensitivity(pack, {"p-deal": 0.4, "p-court": 0.5}, {"p-court": (0.45, 0.55)})
    assert [s.assumption_id for s in result.swings] == ["p-deal", "p-court"]
    deal, court = result.swings
    assert (deal.low, deal.high, deal.from_student) == (0.0, 1.0, False)
    assert (court.low, court.high, court.from_student) == (0.45, 0.55, True)
    assert deal.swing == pytest.approx(1.0)  # o-sold goes from 0 to 1
    blocked = result.index("o-blocked")
    assert court.at_low[blocked] == pytest.approx(0.6 * 0.45)
    assert court.at_high[blocked] == pytest.approx(0.6 * 0.55)


def test_sensitivity_for_one_outcome(pack):
    result = sensitivity(pack, {"p-deal": 0.9}, outcome_id="o-blocked")
    assert result.target == "o-blocked"
    deal, court = result.swings
    assert deal.swing == pytest.approx(0.5)  # blocked: 0.5 at deal 0, 0 at deal 1
    assert court.swing == pytest.approx(0.1)  # 0.1 * (1 - 0)


def test_balance_by_theme(pack):
    weights = {"a-for-1": ArgumentWeight(weight=4), "a-against-1": ArgumentWeight(weight=2)}
    balance = argument_balance(pack.arguments, weights)
    assert [t.theme for t in balance.themes] == ["security_data", "free_expression", "due_process"]
    security, expression, process = balance.themes
    assert (security.weight_for, security.weight_against, security.net) == (4, 0, 4)
    assert (expression.weight_for, expression.weight_against) == (0, 2)
    assert (process.weight_against, process.arguments_against) == (0, 1)
    assert (balance.total_for, balance.total_against, balance.weighed) == (4, 2, 2)


def test_balance_of_only_visible_arguments(pack):
    visible = [a for a in pack.arguments if a.date <= dt.date(2030, 1, 10)]
    balance = argument_balance(visible, {"a-against-2": ArgumentWeight(weight=5)})
    assert [t.theme for t in balance.themes] == ["security_data"]
    assert balance.weighed == 0


@settings(max_examples=30, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 0.5), st.floats(0, 0.5))
def test_monte_carlo_intervals_are_ordered_probabilities(deal, court, spread_deal, spread_court):
    values = {"p-deal": deal, "p-court": court}
    ranges = {"p-deal": (deal - spread_deal, deal + spread_deal), "p-court": (court - spread_court, court + spread_court)}
    result = monte_carlo(load_pack(MINI).pack, values, ranges, samples=2_000)
    for i in result.intervals:
        assert 0.0 <= i.low <= i.median <= i.high <= 1.0


def test_weight_totals_agree_with_the_balance_for_every_prefix(pack):
    weights = {a.id: ArgumentWeight(weight=n % 5 + 1) for n, a in enumerate(pack.arguments) if n % 2 == 0}
    weights["gone-from-the-pack"] = ArgumentWeight(weight=3)
    position = {a.id: n for n, a in enumerate(pack.arguments)}
    for n in range(len(pack.arguments) + 1):
        made = pack.arguments[:n]
        balance = argument_balance(made, weights)
        assert weight_totals(made, weights, position) == (balance.total_for, balance.total_against)


def settled_pack(mini_json, write_pack) -> Pack:
    """The mini pack with its court node answered yes by the injunction (known 10 Feb 2030)."""
    mini_json["outcome_model"]["nodes"][1]["settled_by"] = [{"event": "e-injunction", "answer": True}]
    return load_pack(write_pack(mini_json)).pack


def test_a_node_is_settled_once_its_event_is_known(mini_json, write_pack):
    pack = settled_pack(mini_json, write_pack)
    values = {"p-deal": 0.4, "p-court": 0.2}
    before = evaluate(OutcomeTree.from_pack(pack, dt.date(2030, 2, 9)), values)
    assert before.probability("o-blocked") == pytest.approx(0.6 * 0.2)
    after = evaluate(OutcomeTree.from_pack(pack, dt.date(2030, 2, 10)), values)
    assert after.probability("o-blocked") == pytest.approx(0.6)
    assert after.probability("o-banned") == 0.0
    assert after.values["p-court"] == 0.2  # the student's value is kept, only no longer used
    assert explain(after, "o-blocked").text == "Is a deal agreed? no (60%) × Do courts block it? yes (settled: 100%) = 60%"


def test_a_settled_node_no_longer_moves_the_outcomes(mini_json, write_pack):
    pack = settled_pack(mini_json, write_pack)
    tree = OutcomeTree.from_pack(pack, dt.date(2030, 3, 1))
    [settled] = tree.settled.values()
    assert (settled.node.id, settled.answer, settled.event.id, settled.known) == ("n-court", True, "e-injunction", dt.date(2030, 2, 10))
    assert tree.overtaken == frozenset({"p-court"})
    ranges = {"p-deal": (0.2, 0.6), "p-court": (0.0, 1.0)}
    swings = {s.assumption_id: s for s in sensitivity(tree, {}, ranges).swings}
    assert swings["p-court"].swing == 0.0 and swings["p-court"].settled
    assert swings["p-deal"].swing > 0 and not swings["p-deal"].settled
    assert monte_carlo(tree, {}, {"p-court": (0.0, 1.0)}).ranged == ()  # a settled chance has no spread to sample


def test_implications_settle_by_the_date_they_are_asked_for(mini_json, write_pack):
    from scenario.implications import implications

    pack = settled_pack(mini_json, write_pack)
    record = ScenarioRecord(name="s", pack_id=pack.id, assumptions={"p-court": AssumptionValue(value=0.1)})
    early = implications(pack, record, dt.date(2030, 1, 10))
    late = implications(pack, record, dt.date(2030, 3, 31))
    assert early.settled == () and early.evaluation.probability("o-banned") == pytest.approx(0.6 * 0.9)
    assert [s.node.id for s in late.settled] == ["n-court"] and late.evaluation.probability("o-banned") == 0.0
    assert late.settled[0].describe() == "Do courts block it? Yes. Settled on Sun 10 Feb 2030: Court blocks Order 1."


def test_the_explanation_leaves_out_paths_events_ruled_out(mini_json, write_pack):
    """A path that needs an answer history did not give is 0% whatever the student thinks: one
    line says so, instead of a sum per path (at 1280x800 those pushed the text off the panel)."""
    mini_json["outcome_model"]["nodes"][0]["settled_by"] = [{"event": "e-order2", "answer": False}]
    pack = load_pack(write_pack(mini_json)).pack
    result = evaluate(OutcomeTree.from_pack(pack, dt.date(2030, 3, 1)), {})
    assert explain(result, "o-sold").lines == ("Ruled out by events: 0%",)
    assert explain(result, "o-blocked").lines == ("Is a deal agreed? no (settled: 100%) × Do courts block it? yes (50%) = 50%",)


def test_paths_ruled_out_beside_open_ones_are_counted_not_listed(mini_json, write_pack):
    from scenario.settled import settled_nodes

    mini_json["outcome_model"]["nodes"][0]["settled_by"] = [{"event": "e-order2", "answer": False}]
    pack = load_pack(write_pack(mini_json)).pack
    model = msgspec.structs.replace(pack.outcome_model, nodes=[  # two paths into "blocked" (no pack would load with "sold" unreachable)
        msgspec.structs.replace(pack.outcome_model.nodes[0], yes="o-blocked"), pack.outcome_model.nodes[1]])
    tree = OutcomeTree.build(model, pack.assumptions, settled_nodes(pack, dt.date(2030, 3, 1)))
    lines = explain(evaluate(tree, {}), "o-blocked").lines
    assert lines == ("Is a deal agreed? no (settled: 100%) × Do courts block it? yes (50%) = 50%",
                     "1 other path ruled out by events (0%)")

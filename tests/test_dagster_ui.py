"""The user's path through Dagster: `dg dev` (what `make dev` runs) serving the UI and running the daemon
on a persistent instance. The folder sensor, switched on by default, starts a batch by itself; a
partition is then re-materialised through the webserver's GraphQL API, the calls the UI makes.

Slow (a minute or two): it starts real processes and waits for the daemon's ticks.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import dagster as dg
import pytest

from tests.conftest import RAW_ARTICLES, ROOT

DG = ROOT / ".venv" / "bin" / "dg"
pytestmark = pytest.mark.skipif(not DG.exists(), reason="dg is not installed in .venv")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graphql(port: int, query: str, variables: dict | None = None) -> dict:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _wait(predicate, timeout: float, what: str, poll: float = 1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(poll)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def dagster_dev(tmp_path_factory):
    """`dg dev` from the repository root, with its own instance, articles folder and warehouse."""
    base = tmp_path_factory.mktemp("dgdev")
    home, articles, db = base / "home", base / "articles", base / "ilp.db"
    home.mkdir()
    shutil.copy(ROOT / "pipelines" / "dagster.yaml", home / "dagster.yaml")
    shutil.copytree(RAW_ARTICLES, articles)
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "ILP_ARTICLES": str(articles), "ILP_DB": str(db)}
    log = open(base / "dg-dev.log", "w")  # noqa: SIM115 (open for the process's whole life)
    proc = subprocess.Popen(
        [str(DG), "dev", "--port", str(port), "--host", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait(lambda: _up(port), 180, "the Dagster webserver")
        yield {"port": port, "home": home, "articles": articles, "db": db, "log": base / "dg-dev.log"}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def _up(port: int) -> bool:
    try:
        return "version" in _graphql(port, "{ version }").get("data", {})
    except OSError:
        return False


def _runs(home: Path, **filters) -> list:
    with dg.DagsterInstance.from_config(str(home)) as instance:
        return list(instance.get_runs(dg.RunsFilter(job_name="ilp_pipeline", **filters)))


def test_the_sensor_processes_the_folder_and_the_ui_rematerialises_a_batch(dagster_dev):
    from warehouse.schema import open_db

    home, port = dagster_dev["home"], dagster_dev["port"]
    # 1. The daemon's sensor (on by default) adds a batch partition and runs the job, in its own process.
    done = _wait(
        lambda: [r for r in _runs(home) if r.status == dg.DagsterRunStatus.SUCCESS],
        240,
        "the sensor's run (log: " + str(dagster_dev["log"]) + ")",
        poll=2,
    )
    run = done[0]
    assert run.tags.get("dagster/sensor_name") == "new_articles_sensor"
    key = run.tags["dagster/partition"]
    assert open_db(str(dagster_dev["db"]), readonly=True)["articles"].count == len(list(RAW_ARTICLES.iterdir()))

    # 2. What the UI shows: the warehouse tables as assets, with their row counts.
    nodes = _graphql(port, "{ assetNodes { assetKey { path } } }")["data"]["assetNodes"]
    assert {"articles", "people", "events", "event_clusters"} <= {n["assetKey"]["path"][-1] for n in nodes}

    # 3. Re-materialise that batch the way the UI's "Materialize" on a partition does.
    workspace = _graphql(
        port,
        "{ workspaceOrError { ... on Workspace { locationEntries { name locationOrLoadError { ... on "
        "RepositoryLocation { repositories { name } } } } } } }",
    )["data"]["workspaceOrError"]["locationEntries"][0]
    launched = _graphql(
        port,
        """mutation($params: ExecutionParams!) { launchRun(executionParams: $params) {
             __typename ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }""",
        {
            "params": {
                "selector": {
                    "repositoryLocationName": workspace["name"],
                    "repositoryName": workspace["locationOrLoadError"]["repositories"][0]["name"],
                    "jobName": "ilp_pipeline",
                },
                "executionMetadata": {"tags": [{"key": "dagster/partition", "value": key}]},
            }
        },
    )["data"]["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]

    def finished():
        with dg.DagsterInstance.from_config(str(home)) as instance:
            status = instance.get_run_by_id(run_id).status
            return status if status in (dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE) else None

    assert _wait(finished, 240, "the UI-launched run", poll=2) == dg.DagsterRunStatus.SUCCESS
    with dg.DagsterInstance.from_config(str(home)) as instance:
        event = instance.get_latest_materialization_event(dg.AssetKey("raw_articles"))
        meta = event.asset_materialization.metadata
        assert event.asset_materialization.partition == key
        assert meta["files"].value == len(list(RAW_ARTICLES.iterdir())) and not meta["first_run_of_batch"].value
        checks = instance.event_log_storage.get_latest_asset_check_execution_by_key(
            [dg.AssetCheckKey(dg.AssetKey("articles"), "every_batch_input_accounted_for")]
        )
        assert all(c.status.value == "SUCCEEDED" for c in checks.values()), checks

    # 4. A new file in the folder: the sensor starts a second batch holding just that file.
    (dagster_dev["articles"] / "20_baru.txt").write_text(
        "Dinas Kesehatan Kabupaten Garut meluncurkan ILP di Puskesmas Cibatu pada 3 Mei 2024.", encoding="utf-8"
    )
    second = _wait(
        lambda: [
            r
            for r in _runs(home)
            if r.status == dg.DagsterRunStatus.SUCCESS and r.tags.get("dagster/partition") not in (key, None)
        ],
        240,
        "the sensor's second batch",
        poll=2,
    )
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert len(instance.get_dynamic_partitions("ingest_batches")) == 2
    db = open_db(str(dagster_dev["db"]), readonly=True)
    assert (
        db.execute("select batch_id from articles where source = '20_baru.txt'").fetchone()[0]
        == second[0].tags["dagster/partition"]
    )

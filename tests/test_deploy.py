"""The deployment past one machine: Dagster on PostgreSQL storage, extraction and loading as separate jobs.

Starts a throwaway PostgreSQL server on 127.0.0.1 (initdb and pg_ctl from the machine's PostgreSQL);
skips when PostgreSQL or dagster-postgres is not installed.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import dagster as dg
import pytest

from tests.conftest import ROOT

INITDB = shutil.which("initdb")
PG_CTL = shutil.which("pg_ctl")
pytest.importorskip("dagster_postgres")
pytestmark = pytest.mark.skipif(not (INITDB and PG_CTL), reason="PostgreSQL server binaries are not installed")


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the `postgres` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    base = Path(tempfile.mkdtemp(prefix="ilp-pg-", dir="/tmp"))
    base.chmod(0o755)
    data = base / "data"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres([INITDB, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
    subprocess.run(
        _as_postgres([PG_CTL, "-D", str(data), "-o", options, "-w", "-l", str(data / "log"), "start"]),
        check=True,
        capture_output=True,
    )
    try:
        yield port
    finally:
        subprocess.run(_as_postgres([PG_CTL, "-D", str(data), "-m", "fast", "-w", "stop"]), capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def test_jobs_run_on_a_postgres_backed_instance(postgres, tmp_path, monkeypatch):
    from pipelines.deployment import build_defs
    from warehouse.schema import open_db

    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "deploy" / "dagster.yaml", home / "dagster.yaml")
    for key, value in {
        "DAGSTER_PG_USERNAME": "postgres",
        "DAGSTER_PG_PASSWORD": "",
        "DAGSTER_PG_HOST": "127.0.0.1",
        "DAGSTER_PG_DB": "postgres",
        "DAGSTER_PG_PORT": str(postgres),
    }.items():
        monkeypatch.setenv(key, value)
    instance = dg.DagsterInstance.from_config(str(home))
    assert type(instance.run_storage).__name__ == "PostgresRunStorage"

    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "raw_articles", articles)
    db_path = tmp_path / "ilp.db"
    defs = build_defs(
        extract_executor=dg.in_process_executor,
        io_dir=str(tmp_path / "io"),
        articles_dir=str(articles),
        db_path=str(db_path),
    )
    partition = "20240601-060000-0001"
    instance.add_dynamic_partitions("ingest_batches", [partition])
    extract = defs.resolve_job_def("extract_job").execute_in_process(instance=instance, partition_key=partition)
    assert extract.success
    load = defs.resolve_job_def("load_job").execute_in_process(instance=instance, partition_key=partition)
    assert load.success
    assert {node.key.to_user_string() for node in defs.get_repository_def().asset_graph.asset_nodes if node.pools} >= {
        "articles",
        "event_clusters",
        "raw_articles",
    }

    import psycopg2

    conn = psycopg2.connect(host="127.0.0.1", port=postgres, user="postgres", dbname="postgres")
    with conn, conn.cursor() as cur:
        cur.execute("select count(*) from runs")
        assert cur.fetchone()[0] == 2
    conn.close()
    assert open_db(str(db_path))["articles"].count == len(list(articles.iterdir()))
    instance.dispose()

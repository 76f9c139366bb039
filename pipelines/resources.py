"""Resources: where articles come from and where facts go. Both local, so tests need no network."""

from pathlib import Path

import dagster as dg
from sqlite_utils import Database

from extractors.reading import list_inputs
from warehouse.schema import open_db


class ArticleFolder(dg.ConfigurableResource):
    """A folder of raw article files (.txt, .html, .htm, .json)."""

    path: str = "raw_articles"

    @property
    def path_obj(self) -> Path:
        return Path(self.path)

    def paths(self) -> list[Path]:
        """Every input file by absolute path, sorted (none when the folder does not exist yet): the same
        file is the same input whether `ilp run`, the sensor or a run from the UI lists it."""
        folder = Path(self.path).resolve()
        return list_inputs([folder]) if folder.is_dir() else []


class WebSources(dg.ConfigurableResource):
    """The TOML file listing feeds, pages and keywords for the daily web ingest."""

    path: str = "sources.toml"

    @property
    def path_obj(self) -> Path:
        return Path(self.path)


class Warehouse(dg.ConfigurableResource):
    """The SQLite warehouse. Assets write it only from the warehouse pool; sensors only read."""

    db_path: str = "warehouse/ilp.db"

    def open(self) -> Database:
        Path(self.db_path).parent.mkdir(parents=True, exist_ok=True)
        return open_db(self.db_path)

    def read(self) -> Database | None:
        """The warehouse opened read-only, or None before the first run has created it."""
        return open_db(self.db_path, readonly=True) if Path(self.db_path).is_file() else None

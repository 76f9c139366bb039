"""Resources: where articles come from and where facts go. Both local, so tests need no network."""

from pathlib import Path

import dagster as dg
from sqlite_utils import Database

from extractors.reading import content_hash, list_inputs
from warehouse.lock import writer_lock
from warehouse.schema import open_db


class ArticleFolder(dg.ConfigurableResource):
    """A folder of raw article files (.txt, .html, .htm, .json)."""

    path: str = "raw_articles"

    @property
    def path_obj(self) -> Path:
        return Path(self.path)

    def paths(self) -> list[Path]:
        """Every input file, sorted (none when the folder does not exist yet)."""
        return list_inputs([self.path]) if Path(self.path).is_dir() else []

    def fingerprint(self) -> str:
        """Cheap change marker for the sensor: names, sizes and mtimes, no reading."""
        parts = []
        for f in self.paths():
            st = f.stat()
            parts.append(f"{f}:{st.st_size}:{st.st_mtime_ns}")
        return content_hash("\n".join(parts).encode())


class WebSources(dg.ConfigurableResource):
    """The TOML file listing feeds, pages and keywords for the daily web ingest."""

    path: str = "sources.toml"

    @property
    def path_obj(self) -> Path:
        return Path(self.path)


class Warehouse(dg.ConfigurableResource):
    """The SQLite warehouse. Only the warehouse asset writes; everything else reads."""

    db_path: str = "warehouse/ilp.db"

    def open(self) -> Database:
        Path(self.db_path).parent.mkdir(parents=True, exist_ok=True)
        return open_db(self.db_path)

    def writing(self):
        """The writer lock: concurrent runs (schedule and sensor together) take turns."""
        return writer_lock(self.db_path)

"""Dagster definitions: the only place that imports dagster. Assets wire extractors/ to warehouse/."""

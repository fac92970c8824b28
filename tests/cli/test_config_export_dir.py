"""The config's `export_dir`: where `e` in the app writes Markdown exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.config import ConfigError, load_config


class TestExportDir:
    def test_config_without_library_loads(self, tmp_path: Path) -> None:
        """A config holding only other settings is valid (the library defaults to samples)."""
        config = tmp_path / "config.toml"
        config.write_text('export_dir = "/srv/exports"\n')
        loaded = load_config(config)
        assert loaded.library == ()
        assert loaded.export_dir == Path("/srv/exports")

    def test_absent_means_the_default(self, tmp_path: Path) -> None:
        config = tmp_path / "config.toml"
        config.write_text('library = "~/news"\n')
        assert load_config(config).export_dir is None

    def test_home_is_expanded(self, tmp_path: Path) -> None:
        config = tmp_path / "config.toml"
        config.write_text('export_dir = "~/notes/exports"\n')
        assert load_config(config).export_dir == Path.home() / "notes" / "exports"

    @pytest.mark.parametrize("value", ["3", '""', "[\"a\", \"b\"]"])
    def test_not_a_path_is_a_clear_error(self, tmp_path: Path, value: str) -> None:
        config = tmp_path / "config.toml"
        config.write_text(f"export_dir = {value}\n")
        with pytest.raises(ConfigError, match="'export_dir' must be a folder path"):
            load_config(config)

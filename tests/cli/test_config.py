"""The config file: which library opens with no path, and bad configs said plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tuireader.cli import main
from tuireader.config import Config, ConfigError, library_paths, load_config
from tuireader.locations import bundled_samples


@pytest.fixture
def config_home(tmp_path: Path) -> Path:
    """tuireader's config dir under the XDG_CONFIG_HOME that conftest's autouse sets."""
    return tmp_path / "config" / "tuireader"


def write_config(config_home: Path, text: str) -> None:
    config_home.mkdir(parents=True, exist_ok=True)
    (config_home / "config.toml").write_text(text, encoding="utf-8")


class TestLibraryChoice:
    def test_explicit_paths_win(self, tmp_path):
        config = Config(library=(tmp_path / "configured",))
        assert library_paths([tmp_path / "given"], config) == [tmp_path / "given"]

    def test_configured_library_when_no_path(self, tmp_path):
        config = Config(library=(tmp_path / "configured",))
        assert library_paths([], config) == [tmp_path / "configured"]

    def test_bundled_samples_when_nothing_configured(self):
        assert library_paths([], Config()) == [bundled_samples()]
        assert any(bundled_samples().glob("*.txt")) and any(bundled_samples().glob("*.md"))

    def test_list_uses_the_configured_library(self, tmp_path, config_home, capsys):
        news = tmp_path / "news"
        news.mkdir()
        (news / "one.txt").write_text("Only article here\nDate: 2024-01-02\n\nBody.\n")
        write_config(config_home, f'library = ["{news}"]\n')
        assert main(["list", "--json"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [row["title"] for row in rows] == ["Only article here"]

    def test_list_falls_back_to_the_samples(self, config_home, capsys):
        assert main(["list", "--json"]) == 0
        titles = [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]
        assert len(titles) >= 6
        assert any("Xinjiang" in title for title in titles)


class TestBadConfig:
    @pytest.mark.parametrize(
        ("text", "says"),
        [
            ("library = [", "not valid TOML"),
            ("library = 3", "'library' must be a path"),
            ("[keymap]\n'reader.top' = 1", "keymap"),
            ("refresh_minutes = -5", "'refresh_minutes' must be a number of minutes"),
            ("refresh_minutes = 'often'", "'refresh_minutes' must be a number of minutes"),
            ("refresh_minutes = true", "'refresh_minutes' must be a number of minutes"),
        ],
    )
    def test_clear_message(self, tmp_path, text, says):
        path = tmp_path / "config.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match=says):
            load_config(path)

    def test_the_app_refuses_with_a_message_not_a_traceback(self, config_home, capsys):
        write_config(config_home, "library = [\n")
        assert main([]) == 2
        err = capsys.readouterr().err
        assert "config.toml" in err and "not valid TOML" in err
        assert "Traceback" not in err

    @pytest.mark.parametrize(("text", "minutes"), [
        ("", None), ("refresh_minutes = 0", None), ("refresh_minutes = 30", 30.0),
        ("refresh_minutes = 2.5", 2.5)])
    def test_refresh_minutes(self, tmp_path, text, minutes):
        path = tmp_path / "config.toml"
        path.write_text(text, encoding="utf-8")
        assert load_config(path).refresh_minutes == minutes

    def test_keymap_is_read(self, tmp_path):
        path = tmp_path / "config.toml"
        path.write_text('[keymap]\n"reader.page_down" = "space,f"\n', encoding="utf-8")
        assert load_config(path).keymap == {"reader.page_down": "space,f"}

    @pytest.mark.parametrize("command", [["list"], ["notes", "list"], ["export"]])
    def test_commands_refuse_with_a_message_not_a_traceback(self, config_home, command, capsys):
        write_config(config_home, "library = 3\n")
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "'library' must be a path" in err and "Traceback" not in err


class TestAppLaunch:
    def test_the_app_writes_exports_where_the_config_says(
        self, config_home, tmp_path, monkeypatch
    ):
        from tuireader import launch
        from tuireader.app import TuiReaderApp

        monkeypatch.setattr(launch, "has_terminal", lambda: True)
        write_config(config_home, f'export_dir = "{tmp_path / "exports"}"\n')
        seen: dict[str, Path] = {}
        monkeypatch.setattr(TuiReaderApp, "run", lambda app: seen.update(dir=app.export_dir()))
        assert main([]) == 0
        assert seen["dir"] == tmp_path / "exports"

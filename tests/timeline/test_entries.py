from datetime import date

from tuireader.timeline import extract_timeline
from tuireader.timeline.entries import timeline_entries


class TestTimelineEntries:
    def test_a_range_is_one_row_spanning_both_ends(self):
        text = "Detention was widespread, at least between 2017 and 2019, the office said."
        [entry] = timeline_entries(extract_timeline(text, date(2022, 9, 1)))
        assert entry.when == "2017–2019"
        assert entry.text == "2017 … 2019"
        assert [event.text for event in entry.events] == ["2017", "2019"]

    def test_rows_are_in_date_order_with_granularity(self):
        text = (
            "China rejected the report on Thursday. "
            "It went online at 11:47 p.m. on 31 August 2022. "
            "Detention peaked between 2017 and 2019."
        )
        entries = timeline_entries(extract_timeline(text, date(2022, 9, 1)))
        whens = [entry.when for entry in entries]
        assert whens[0] == "2017–2019"
        assert whens.index("2022-08-31 23:47") < whens.index("2022-09-01 Thu")

    def test_durations_are_not_rows(self):
        entries = timeline_entries(extract_timeline("Her four-year term ended.", date(2022, 9, 1)))
        assert entries == []

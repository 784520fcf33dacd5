from warta.ingest.dates import DateReader, normalise_date


def test_iso_with_offset_is_kept():
    assert normalise_date("2015-11-05T14:56:43+07:00") == "2015-11-05T14:56:43+07:00"
    assert normalise_date("2016-02-16T13:01:52+0700") == "2016-02-16T13:01:52+07:00"


def test_utc_and_epoch_milliseconds():
    assert normalise_date("2016-02-16T02:10:56Z") == "2016-02-16T02:10:56+00:00"
    assert normalise_date(1446710203000) == "2015-11-05T07:56:43+00:00"
    assert normalise_date("1446710203") == "2015-11-05T07:56:43+00:00"


def test_time_without_zone_is_read_as_wib():
    assert normalise_date("2017-02-17 13:30:08") == "2017-02-17T13:30:08+07:00"


def test_indonesian_and_english_words_with_zone_names():
    assert normalise_date("Kamis, 5 November 2015 - 15:56 wib") == "2015-11-05T15:56:00+07:00"
    assert normalise_date("Rabu, 4 November 2015 | 21:04 WIB") == "2015-11-04T21:04:00+07:00"
    assert normalise_date("Senin, 3 Agustus 2020 10:00 WITA") == "2020-08-03T10:00:00+08:00"
    assert normalise_date("Wednesday, 04 November, 2015 |  07:28 WIB") == "2015-11-04T07:28:00+07:00"
    assert normalise_date("on 16 Feb 2016 at 09:10 WIB") == "2016-02-16T09:10:00+07:00"
    assert normalise_date("Nov 4, 2015") == "2015-11-04"


def test_a_date_without_time_stays_a_date():
    assert normalise_date("2014-12-30") == "2014-12-30"
    assert normalise_date("Selasa, 16 Februari 2016") == "2016-02-16"


def test_slashed_dates_learn_their_order_from_the_first_unambiguous_one():
    reader = DateReader()
    assert reader.iso("10/17/2025 15:00") == "2025-10-17T15:00:00+07:00"
    assert reader.iso("10/5/2025 09:00") == "2025-10-05T09:00:00+07:00"
    assert normalise_date("05/11/2015 10:08 WIB") == "2015-11-05T10:08:00+07:00"


def test_not_a_date():
    for value in ("kemarin", "", None, True, "31/02/2020", "Rp 1.500 triliun"):
        assert normalise_date(value) is None


def test_year_first_with_slashes_and_day_first_with_dashes():
    assert normalise_date("2025/10/17 15:00:00") == "2025-10-17T15:00:00+07:00"
    assert normalise_date("17-10-2025 15.00 WIB") == "2025-10-17T15:00:00+07:00"
    assert normalise_date("2025-10/17") is None

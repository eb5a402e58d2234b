#include <catch2/catch.hpp>

#include "core/calendar.h"
#include "extract/dates.h"

using namespace tfa;

namespace {
std::string iso(const char* s) {
    auto p = dates::parse(s);
    return p.status == dates::Status::Ok ? p.iso : std::string("<") + dates::to_string(p.status) + ">";
}
}  // namespace

TEST_CASE("dates: every UK format in documents.md becomes ISO 8601", "[dates]") {
    CHECK(iso("14/11/2019") == "2019-11-14");
    CHECK(iso("14-11-2019") == "2019-11-14");
    CHECK(iso("14.11.19") == "2019-11-14");
    CHECK(iso("14 Nov 2019") == "2019-11-14");
    CHECK(iso("14th November 2019") == "2019-11-14");
    CHECK(iso("2019-11-14") == "2019-11-14");
    CHECK(iso("Thursday 14th November 2019") == "2019-11-14");
    CHECK(iso("1/2/20") == "2020-02-01");  // day first, always
    CHECK(iso("November 14th, 2019") == "2019-11-14");
    CHECK(iso("14-Nov-2019") == "2019-11-14");
    CHECK(iso("on 3rd March 2012 (reviewed)") == "2012-03-03");
}

TEST_CASE("dates: impossible and ambiguous dates are flagged, never guessed", "[dates]") {
    CHECK(iso("31/02/2019") == "<impossible date>");
    CHECK(iso("29/02/2019") == "<impossible date>");
    CHECK(iso("29/02/2020") == "2020-02-29");
    CHECK(iso("13/13/2019") == "<impossible date>");
    CHECK(iso("Nov") == "<ambiguous date>");
    CHECK(iso("November 2019") == "<ambiguous date>");
    CHECK(iso("14 November") == "<ambiguous date>");
    CHECK(iso("") == "<none>");
    CHECK(iso("not known") == "<none>");
    // A month word inside prose is not a date.
    CHECK(iso("The family may move house later in the year if the tenancy ends") == "<none>");
}

TEST_CASE("dates: calendar arithmetic", "[dates]") {
    CHECK(cal::parse("1970-01-02") == 1);
    CHECK(*cal::parse("2020-03-01") - *cal::parse("2020-02-28") == 2);
    CHECK(cal::format(*cal::parse("2020-02-29")) == "2020-02-29");
    CHECK_FALSE(cal::parse("2019-02-29"));
    CHECK(cal::add_months(*cal::parse("2019-08-31"), 6) == *cal::parse("2020-02-29"));
    CHECK(cal::years_between(*cal::parse("2004-06-30"), *cal::parse("2020-06-29")) == 15);
    CHECK(cal::years_between(*cal::parse("2004-06-30"), *cal::parse("2020-06-30")) == 16);
}

TEST_CASE("dates: a council's style reads all-number dates in its order, with its pivot", "[dates]") {
    dates::Style us;
    us.order['/'] = dates::Order::MonthDayYear;
    CHECK(dates::parse("03/04/2019", us).iso == "2019-03-04");
    CHECK(dates::parse("11/25/2019", us).iso == "2019-11-25");
    CHECK(dates::parse("25/11/2019", us).status == dates::Status::Impossible);  // flagged, never read day first
    CHECK(dates::parse("03.04.2019", us).iso == "2019-04-03");                  // another separator: day first
    CHECK(dates::parse("2019/11/25", us).iso == "2019-11-25");                  // a four-digit year first
    dates::Style ymd;
    ymd.order['.'] = dates::Order::YearMonthDay;
    CHECK(dates::parse("19.06.12", ymd).iso == "2019-06-12");
    CHECK(dates::parse("12.06.2019", ymd).iso == "2019-06-12");  // a four-digit year last is day first
    dates::Style pivot;
    pivot.pivot = 30;
    CHECK(dates::parse("08/02/35", pivot).iso == "1935-02-08");
    CHECK(dates::parse("08/02/35").iso == "2035-02-08");
    CHECK(dates::parse("8 Feb 29", pivot).iso == "2029-02-08");
}

TEST_CASE("dates: a template's date format is read, or says what is wrong with it", "[dates]") {
    dates::Format f;
    std::string why;
    REQUIRE(dates::read_format("dd.mm.yy", f, why));
    CHECK(f.sep == '.');
    CHECK(f.order == dates::Order::DayMonthYear);
    CHECK(f.two_digit_year);
    CHECK(f.matters());
    REQUIRE(dates::read_format("mm/dd/yyyy", f, why));
    CHECK(f.order == dates::Order::MonthDayYear);
    REQUIRE(dates::read_format("yyyy-mm-dd", f, why));
    CHECK_FALSE(f.matters());  // always read year first
    REQUIRE(dates::read_format("d mmm yyyy", f, why));
    CHECK(f.sep == 0);
    CHECK_FALSE(f.matters());
    CHECK_FALSE(dates::read_format("dd/mm", f, why));
    CHECK_THAT(why, Catch::Contains("needs a day, a month and a year"));
    CHECK_FALSE(dates::read_format("dd/mm.yyyy", f, why));
    CHECK_THAT(why, Catch::Contains("mixes separators"));
    CHECK_FALSE(dates::read_format("ddmmyyyy", f, why));
    CHECK_THAT(why, Catch::Contains("runs two parts together"));
    CHECK_FALSE(dates::read_format("dd/dd/yyyy", f, why));
    CHECK_THAT(why, Catch::Contains("names the day twice"));
    CHECK_FALSE(dates::read_format("mm/yyyy/dd", f, why));
    CHECK_THAT(why, Catch::Contains("order tfaudit does not read"));
    CHECK_FALSE(dates::read_format("dd mm yyyy", f, why));
    CHECK_THAT(why, Catch::Contains("not spaces"));
}

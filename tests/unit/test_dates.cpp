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

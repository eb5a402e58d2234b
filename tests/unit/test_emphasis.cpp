// Emphasis in the document model (bold, underline, strike, highlight) and answers marked by it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/choice.h"
#include "golden.h"
#include "model/answers.h"
#include "readers/reader.h"

using namespace tfa;
using tfa::extract::Choice;
using tfa::extract::parse_choice;
using tfa::extract::parse_column_choice;

namespace {

constexpr uint8_t kBold = Emphasis::Bold, kUnder = Emphasis::Underline, kStrike = Emphasis::Strike,
                  kHigh = Emphasis::Highlight;

// A paragraph whose text is `text` with spans given as (begin, end, flags).
Block para(const std::string& text, std::vector<Emphasis> spans = {}) {
    Block b;
    b.text = text;
    b.emphasis = std::move(spans);
    index_checkboxes(b);
    return b;
}

// The span over the first occurrence of `word` in `text`.
Emphasis over(const std::string& text, const std::string& word, uint8_t flags) {
    const size_t at = text.find(word);
    REQUIRE(at != std::string::npos);
    return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size()), flags};
}

std::string span_text(const Block& b, size_t i) {
    REQUIRE(i < b.emphasis.size());
    return b.text.substr(b.emphasis[i].begin, b.emphasis[i].end - b.emphasis[i].begin);
}

// What the fixtures' paragraphs read as: marked_answer() when it gives one, else the text,
// through parse_choice(). "" for not a choice; "?" + reason for several marked.
std::string answer_of(const Block& b) {
    const std::string marked = marked_answer(b);
    const Choice c = parse_choice(marked.empty() ? b.text.str() : marked);
    switch (c.state) {
        case Choice::State::NotAChoice:
            return "";
        case Choice::State::None:
            return "(blank)";
        case Choice::State::One:
            return c.chosen;
        case Choice::State::Several:
            return "?" + c.reason;
    }
    return "";
}

// The body paragraphs every emphasis fixture (docx, odt, html) starts with, and their reading.
struct Expect {
    const char* text;
    const char* marked;  // marked_answer()
    const char* answer;  // answer_of()
};
const Expect kCommon[] = {
    {"Consent given: YES / NO", "Consent given: ☒ YES ☐ NO", "YES"},                // bold
    {"Shared with school: Yes / No", "Shared with school: ☒ Yes ☐ No", "Yes"},      // strike
    {"Yes No", "☐ Yes ☒ No", "No"},                                                 // highlight
    {"Yes | No", "☒ Yes ☐ No", "Yes"},                                              // underline
    {"Met / Partly met / Not met", "☐ Met ☒ Partly met ☐ Not met", "Partly met"},   // bold style
    {"Yes / No / N/A", "☒ Yes ☒ No ☐ N/A", "?two options are marked: Yes and No"},  // two bold
    {"Yes / No", "", ""},                                                           // all bold
    {"Yes / No", "", ""},                                                           // bold off again
    {"Yes ☐ No ☒", "", "No"},                                                       // box after option
    {"[X] Yes [ ] No", "", "Yes"},
    {"(x) Yes ( ) No", "", "Yes"},
    {"Family ID: TF-0042 and the family agreed the plan at the meeting", "", ""},  // prose
    {"Yes / No", "☐ Yes ☒ No", "No"},                                              // Yes struck
};

void check_fixture(const Document& d) {
    const size_t n = sizeof kCommon / sizeof kCommon[0];
    REQUIRE(d.body.size() >= n + 2);
    for (size_t i = 0; i < n; ++i) {
        INFO(d.path << ", paragraph " << i + 1);
        const Block& b = d.body[i];
        CHECK(b.text == kCommon[i].text);
        CHECK(marked_answer(b) == kCommon[i].marked);
        CHECK(answer_of(b) == kCommon[i].answer);
    }
    // A cell of two paragraphs, "Yes" marked: one option per paragraph.
    const Block& consent = d.body[d.body.size() - 2];
    REQUIRE(consent.is_table());
    CHECK(marked_answer(consent.rows.at(0).cells.at(1)) == "☒ Yes ☐ No");
    CHECK(marked_answer(consent.rows.at(0).cells.at(0)).empty());
    // Yes and No columns with a mark under one.
    const Block& grid = d.body.back();
    REQUIRE(grid.is_table());
    REQUIRE(grid.rows.size() == 3);
    auto texts = [](const Row& r) {
        std::vector<std::string> v;
        for (const auto& c : r.cells) v.push_back(c.text());
        return v;
    };
    const auto headers = texts(grid.rows[0]);
    const Choice school = parse_column_choice(headers, texts(grid.rows[1]));
    CHECK(school.state == Choice::State::One);
    CHECK(school.chosen == "No");
    const Choice work = parse_column_choice(headers, texts(grid.rows[2]));
    CHECK(work.state == Choice::State::One);
    CHECK(work.chosen == "Yes");
}

}  // namespace

TEST_CASE("emphasis: spans added in order merge when they touch with equal flags", "[emphasis]") {
    std::vector<Emphasis> v;
    add_emphasis(v, 0, 3, kBold);
    add_emphasis(v, 3, 5, kBold);
    add_emphasis(v, 5, 5, kBold);  // empty: ignored
    add_emphasis(v, 5, 7, 0);      // no flags: ignored
    add_emphasis(v, 7, 9, kBold);  // a gap: a new span
    add_emphasis(v, 9, 10, kBold | kUnder);
    REQUIRE(v.size() == 3);
    CHECK(v[0].begin == 0);
    CHECK(v[0].end == 5);
    CHECK(v[1].begin == 7);
    CHECK(v[2].flags == (kBold | kUnder));
}

TEST_CASE("emphasis: settling trims white space, follows a cut front and merges across spaces", "[emphasis]") {
    // "  Yes  No " with "Yes " and " No" bold, then the reader trims two bytes off the front.
    Block b;
    b.text = "  Yes  No ";
    add_emphasis(b.emphasis, 2, 6, kBold);
    add_emphasis(b.emphasis, 6, 9, kBold);    // touches: merged already
    add_emphasis(b.emphasis, 9, 10, kUnder);  // only white space: dropped
    b.text = "Yes  No";
    settle_emphasis(b, 2);
    REQUIRE(b.emphasis.size() == 1);
    CHECK(span_text(b, 0) == "Yes  No");

    Block c;
    c.text =
        "A b\xC2\xA0"
        "c d";
    add_emphasis(c.emphasis, 0, 1, kStrike);
    add_emphasis(c.emphasis, 2, 5, kStrike);  // "b" and a no-break space
    add_emphasis(c.emphasis, 5, 6, kStrike);  // "c": merged already
    add_emphasis(c.emphasis, 7, 8, kBold);    // "d": other flags, its own span
    settle_emphasis(c);
    REQUIRE(c.emphasis.size() == 2);
    CHECK(span_text(c, 0) ==
          "A b\xC2\xA0"
          "c");  // across white space: one span
    CHECK(span_text(c, 1) == "d");

    Block cut;
    cut.text = "No";
    cut.emphasis.push_back({0, 3, kBold});  // all of it before the cut
    settle_emphasis(cut, 3);
    CHECK(cut.emphasis.empty());
}

TEST_CASE("emphasis: the block JSON shows spans only when there are some", "[emphasis]") {
    Document d;
    d.path = "x.docx";
    d.format = "docx";
    d.body.push_back(para("Consent given: YES / NO", {{15, 18, kBold | kHigh}}));
    d.body.push_back(para("Plain"));
    const std::string j = to_json(d);
    CHECK(j.find(R"("emphasis": [{"style": "bold highlight", "offset": 15, "text": "YES"}])") != std::string::npos);
    CHECK(j.find("emphasis") == j.rfind("emphasis"));  // the plain paragraph has none
    CHECK(emphasis_words(kUnder | kStrike) == "underline strike");
}

TEST_CASE("marked answer: one option marked by bold, underline, highlight or strike-through", "[emphasis]") {
    const std::string yn = "YES / NO";
    CHECK(marked_answer(para(yn, {over(yn, "YES", kBold)})) == "☒ YES ☐ NO");
    CHECK(marked_answer(para(yn, {over(yn, "NO", kUnder)})) == "☐ YES ☒ NO");
    CHECK(marked_answer(para(yn, {over(yn, "NO", kHigh)})) == "☐ YES ☒ NO");
    CHECK(marked_answer(para(yn, {over(yn, "NO", kStrike)})) == "☒ YES ☐ NO");  // struck = not chosen
    const std::string pipes = "Yes | No | Not known";
    CHECK(marked_answer(para(pipes, {over(pipes, "Not known", kBold)})) == "☐ Yes ☐ No ☒ Not known");
    const std::string commas = "Yes, No, N/A";
    CHECK(marked_answer(para(commas, {over(commas, "N/A", kBold)})) == "☐ Yes ☐ No ☒ N/A");
    const std::string spaced = "Yes No N/A";  // no separators: every option an answer word
    CHECK(marked_answer(para(spaced, {over(spaced, "N/A", kUnder)})) == "☐ Yes ☐ No ☒ N/A");
    const std::string multi = "Met Partly met Not met";
    CHECK(marked_answer(para(multi, {over(multi, "Not met", kHigh)})) == "☐ Met ☐ Partly met ☒ Not met");
    const std::string lines = "Mother\nFather";  // short options on lines of their own
    CHECK(marked_answer(para(lines, {over(lines, "Father", kBold)})) == "☐ Mother ☒ Father");
    const std::string label = "Has consent been given? Yes / No";
    CHECK(marked_answer(para(label, {over(label, "No", kBold)})) == "Has consent been given? ☐ Yes ☒ No");
    const std::string colon = "Consent: Yes / No";
    CHECK(marked_answer(para(colon, {over(colon, "No", kBold)})) == "Consent: ☐ Yes ☒ No");
}

TEST_CASE("marked answer: nothing to read when no option differs, or it is not an option list", "[emphasis]") {
    const std::string yn = "Yes / No";
    CHECK(marked_answer(para(yn)).empty());
    CHECK(marked_answer(para(yn, {{0, 8, kBold}})).empty());  // all bold
    CHECK(marked_answer(para(yn, {{0, 2, kBold}})).empty());  // half an option
    const std::string label_only = "Consent: Yes / No";
    CHECK(marked_answer(para(label_only, {over(label_only, "Consent:", kBold)})).empty());
    const std::string prose = "The family agreed the plan, and the school will review it / monthly";
    CHECK(marked_answer(para(prose, {over(prose, "family", kBold)})).empty());
    const std::string five = "A / B / C / D / E";
    CHECK(marked_answer(para(five, {over(five, "C", kBold)})).empty());  // more than 4 options
    const std::string words = "Family meeting held";                     // spaces only, not answer words
    CHECK(marked_answer(para(words, {over(words, "meeting", kBold)})).empty());
    const std::string boxed = "☒ Yes ☐ No";  // tick boxes already say it
    CHECK(marked_answer(para(boxed, {over(boxed, "Yes", kBold)})).empty());
    const std::string time = "Time 10:30 / 11:00";
    CHECK(marked_answer(para(time, {over(time, "11:00", kBold)})) == "☐ Time 10:30 ☒ 11:00");
}

TEST_CASE("marked answer: flags that disagree mark every option either marks", "[emphasis]") {
    const std::string s = "Yes / No / N/A";
    // Yes bold, No highlighted: two marked, for the choice parser to call unreadable.
    const std::string m = marked_answer(para(s, {over(s, "Yes", kBold), over(s, "No", kHigh)}));
    CHECK(m == "☒ Yes ☒ No ☐ N/A");
    const Choice c = parse_choice(m);
    CHECK(c.state == Choice::State::Several);
    CHECK(c.reason == "two options are marked: Yes and No");
    // Bold everywhere, No also underlined: the underline decides.
    CHECK(marked_answer(para(s, {{0, 6, kBold}, over(s, "No", kBold | kUnder), {8, 14, kBold}})) == "☐ Yes ☒ No ☐ N/A");
}

TEST_CASE("marked answer: a cell's paragraphs are its options", "[emphasis]") {
    Cell c;
    c.blocks.push_back(para("Yes"));
    c.blocks.push_back(para("No", {{0, 2, kBold}}));
    CHECK(marked_answer(c) == "☐ Yes ☒ No");
    c.blocks.push_back(para("Not known"));
    CHECK(marked_answer(c) == "☐ Yes ☒ No ☐ Not known");
    Cell one;
    one.blocks.push_back(para("YES / NO", {{0, 3, kStrike}}));
    CHECK(marked_answer(one) == "☐ YES ☒ NO");
    Cell plain;
    plain.blocks.push_back(para("Yes"));
    plain.blocks.push_back(para("No"));
    CHECK(marked_answer(plain).empty());
}

TEST_CASE("emphasis: docx runs, character styles, shading and w:b off", "[emphasis][docx]") {
    check_fixture(test::read_ok("docx/emphasis.docx"));
}

TEST_CASE("emphasis: odt automatic and named text styles", "[emphasis][odt]") {
    check_fixture(test::read_ok("odt/emphasis.odt"));
}

TEST_CASE("emphasis: html tags and inline styles", "[emphasis][html]") {
    const Document d = test::read_ok("html/emphasis.html");
    check_fixture(d);
    const char* const kMore[][2] = {
        {"Yes / No", "☒ Yes ☐ No"},  // text-decoration: underline
        {"Yes / No", "☒ Yes ☐ No"},  // TEXT-DECORATION:line-through !important on No
        {"Yes / No", "☒ Yes ☐ No"},  // background-color
        {"Yes / No", "☐ Yes ☒ No"},  // <strike>
        {"Yes / No", ""},            // background-color: transparent
    };
    const size_t first = sizeof kCommon / sizeof kCommon[0];
    for (size_t i = 0; i < 5; ++i) {
        INFO("paragraph " << first + i + 1);
        CHECK(d.body.at(first + i).text == kMore[i][0]);
        CHECK(marked_answer(d.body.at(first + i)) == kMore[i][1]);
    }
}

TEST_CASE("emphasis: html emphasis in every reader path keeps its offsets", "[emphasis][html]") {
    auto doc = html_reader().read("in.html",
                                  "<ul><li>  <b>Yes</b> / No</li></ul><pre>\n  <u>Yes</u> / No</pre>"
                                  "<p><b>Yes <i>and</i></b><br><u>no</u></p>",
                                  {});
    REQUIRE(doc.ok());
    const auto& body = doc.value().body;
    REQUIRE(body.size() == 3);
    CHECK(body[0].kind == BlockKind::ListItem);
    CHECK(span_text(body[0], 0) == "Yes");
    CHECK(span_text(body[1], 0) == "Yes");  // leading spaces of <pre> kept, offsets still right
    CHECK(body[1].text.substr(0, 2) == "  ");
    REQUIRE(body[2].emphasis.size() == 2);
    CHECK(span_text(body[2], 0) == "Yes and");  // <i> inside <b>: still bold
    CHECK(span_text(body[2], 1) == "no");
}

TEST_CASE("emphasis: block goldens for the emphasis fixtures", "[emphasis][golden]") {
    for (const char* f : {"docx/emphasis.docx", "odt/emphasis.odt", "html/emphasis.html"}) {
        const Document d = test::read_ok(f);
        std::string golden = f;
        golden = golden.substr(0, golden.rfind('.')) + ".json";
        test::check_golden(golden, to_json(d));
    }
}

TEST_CASE("choice: tick boxes before or after their options", "[choice]") {
    struct Case {
        const char* text;
        Choice::State state;
        const char* chosen;
    };
    const Case cases[] = {
        {"☒ Yes ☐ No", Choice::State::One, "Yes"},
        {"☐ Yes ☒ No", Choice::State::One, "No"},
        {"Yes ☐ No ☒", Choice::State::One, "No"},  // box after its option
        {"Yes ☒ No ☐", Choice::State::One, "Yes"},
        {"[X] Yes [ ] No", Choice::State::One, "Yes"},
        {"[ ] Yes [x] No", Choice::State::One, "No"},
        {"(x) Yes ( ) No", Choice::State::One, "Yes"},
        {"() Yes (X) No", Choice::State::One, "No"},
        {"Yes [X] No [ ]", Choice::State::One, "Yes"},
        {"Yes [ ] No [X]", Choice::State::One, "No"},
        {"[✓] Yes [ ] No", Choice::State::One, "Yes"},
        {"✔ Yes ☐ No", Choice::State::One, "Yes"},
        {"Consent given: ☐ Yes ☒ No", Choice::State::One, "No"},  // a label first
        {"Has consent been given? ☒ Yes ☐ No", Choice::State::One, "Yes"},
        {"Has consent been given ☐ Yes ☒ No", Choice::State::One, "No"},  // the answer words decide
        {"☒ Yes / ☐ No", Choice::State::One, "Yes"},
        {"☐ Met ☒ Partly met ☐ Not met", Choice::State::One, "Partly met"},
        {"Yes ☒ ☐ No", Choice::State::One, "Yes"},  // each box takes the option on its free side
        {"☒ I agree to share this information", Choice::State::One, "I agree to share this information"},
        {"☐ Yes ☐ No", Choice::State::None, ""},
        {"Yes [ ] No [ ]", Choice::State::None, ""},
        {"Yes / No", Choice::State::NotAChoice, ""},
        {"See note (a) and [1]", Choice::State::NotAChoice, ""},
        {"", Choice::State::NotAChoice, ""},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const Choice r = parse_choice(c.text);
        CHECK(r.state == c.state);
        CHECK(r.chosen == c.chosen);
    }
    const Choice after = parse_choice("Yes ☐ No ☒");
    CHECK(after.options == std::vector<std::string>{"Yes", "No"});
    CHECK(after.marked == std::vector<std::string>{"No"});
    CHECK(parse_choice("☐ Yes ☐ No").options == std::vector<std::string>{"Yes", "No"});
}

TEST_CASE("choice: two or more options marked are unreadable, with the reason", "[choice]") {
    const Choice two = parse_choice("☒ Yes ☒ No");
    CHECK(two.state == Choice::State::Several);
    CHECK(two.chosen.empty());
    CHECK(two.marked == std::vector<std::string>{"Yes", "No"});
    CHECK(two.reason == "two options are marked: Yes and No");
    const Choice three = parse_choice("[x] Yes [x] No [x] N/A");
    CHECK(three.state == Choice::State::Several);
    CHECK(three.reason == "three options are marked: Yes, No and N/A");
    const Choice after = parse_choice("Yes ☒ No ☒");
    CHECK(after.reason == "two options are marked: Yes and No");
}

TEST_CASE("choice: a mark under a Yes or No column", "[choice]") {
    const std::vector<std::string> h = {"Question", "Yes", "No"};
    for (const char* mark : {"X", "x", "✓", "✔", "☒", "Yes", " X "}) {
        INFO(mark);
        const Choice c = parse_column_choice(h, {"Attends school", "", mark});
        CHECK(c.state == Choice::State::One);
        CHECK(c.chosen == "No");
    }
    const Choice yes = parse_column_choice(h, {"Attends school", "✓", ""});
    CHECK(yes.chosen == "Yes");
    CHECK(yes.options == std::vector<std::string>{"Yes", "No"});
    CHECK(parse_column_choice(h, {"Attends school", "", ""}).state == Choice::State::None);
    CHECK(parse_column_choice(h, {"Attends school", "☐", "☐"}).state == Choice::State::None);
    CHECK(parse_column_choice(h, {"Attends school", "No", ""}).state == Choice::State::None);
    const Choice both = parse_column_choice(h, {"Attends school", "X", "X"});
    CHECK(both.state == Choice::State::Several);
    CHECK(both.reason == "two options are marked: Yes and No");
    const std::vector<std::string> three = {"Criterion", "Yes", "No", "N/A?"};
    CHECK(parse_column_choice(three, {"Crime", "", "", "X"}).chosen == "N/A?");
    CHECK(parse_column_choice({"Name", "Date"}, {"X", "X"}).state == Choice::State::NotAChoice);
    CHECK(parse_column_choice({"Name", "Yes"}, {"A", "X"}).state == Choice::State::NotAChoice);
    CHECK(parse_column_choice(h, {"short row"}).state == Choice::State::None);  // cells missing: unmarked
}

TEST_CASE("choice: written back as tick boxes, it reads the same", "[choice]") {
    const std::vector<std::string> h = {"Criterion", "Yes", "No", "N/A"};
    const Choice c = parse_column_choice(h, {"Crime", "", "✓", ""});
    CHECK(tfa::extract::tick_notation(c) == "☐ Yes ☒ No ☐ N/A");
    CHECK(tfa::extract::tick_notation(parse_column_choice(h, {"Crime", "X", "", "X"})) == "☒ Yes ☐ No ☒ N/A");
    for (const char* text : {"Yes ☐ No ☒", "[x] Yes [ ] No", "☐ Yes ☐ No", "☒ Yes ☒ No"}) {
        INFO(text);
        const Choice once = parse_choice(text);
        const Choice twice = parse_choice(tfa::extract::tick_notation(once));
        CHECK(twice.state == once.state);
        CHECK(twice.options == once.options);
        CHECK(twice.marked == once.marked);
    }
    CHECK(tfa::extract::tick_notation(parse_choice("Yes / No")).empty());
}

TEST_CASE("emphasis: damaged text and stray spans never break settling or the answer readers", "[emphasis][choice]") {
    // Deterministic pseudo-random text from the pieces these functions look at, including cut
    // UTF-8 sequences, with spans that may run past the text or overlap.
    static const char* const kPieces[] = {
        "☒",  "☐",  "✓",   "[",  "]",   "(",  ")",   "x",   "X",    " ",        "/",    "|",        ",",     ":", "?",
        "\n", "\t", "Yes", "No", "N/A", "n/", "not", "met", "\xC2", "\xC2\xA0", "\xE2", "\xE2\x98", "10:30", ""};
    uint32_t seed = 12345;
    auto next = [&seed](uint32_t n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % n;
    };
    for (int round = 0; round < 3000; ++round) {
        Block b;
        const uint32_t pieces = next(12);
        for (uint32_t i = 0; i < pieces; ++i) b.text += kPieces[next(sizeof kPieces / sizeof kPieces[0])];
        for (uint32_t i = next(5), at = 0; i > 0; --i) {
            const uint32_t begin = at + next(4), end = begin + next(6);
            b.emphasis.push_back({begin, end, static_cast<uint8_t>(next(16))});
            at = next(3) ? end : begin;  // sometimes overlapping, as no reader makes them
        }
        const size_t cut = next(3);
        settle_emphasis(b, cut);
        INFO("round " << round << ": \"" << b.text << "\"");
        for (size_t i = 0; i < b.emphasis.size(); ++i) {
            const Emphasis& e = b.emphasis[i];
            REQUIRE(e.begin < e.end);
            REQUIRE(e.end <= b.text.size());
            REQUIRE(e.flags != 0);
            if (i) REQUIRE(b.emphasis[i - 1].end <= e.begin);
            CHECK(b.text[e.begin] != ' ');
            CHECK(b.text[e.end - 1] != ' ');
        }
        index_checkboxes(b);
        const std::string m = marked_answer(b);
        const Choice c = parse_choice(m.empty() ? b.text.str() : m);
        if (c.state == Choice::State::One) CHECK(c.marked.size() == 1);
        if (c.state == Choice::State::Several) CHECK_FALSE(c.reason.empty());
        if (c.state == Choice::State::None) CHECK(c.marked.empty());
        Cell cell;
        cell.blocks = {b, b};
        (void)marked_answer(cell);
    }
}

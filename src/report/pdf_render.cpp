#include "report/pdf_render.h"

#include <podofo/podofo.h>

#include <cstdio>
#include <ctime>

#include "core/sha256.h"
#include "core/text.h"
#include "core/calendar.h"

namespace tfa::report::pdf {

namespace {

using namespace PoDoFo;

PdfString utf8(const std::string& s) { return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())); }

Error podofo_error(const std::string& what, const PdfError& e) {
    return Error{"", what + ": PoDoFo error " + std::to_string(static_cast<int>(e.GetError()))};
}

class PodofoRenderer : public Renderer {
public:
    Status load(const FontFiles& files) {
        try {
            PdfError::EnableDebug(false);
            PdfError::EnableLogging(false);
            const PdfEncoding* enc = PdfEncodingFactory::GlobalIdentityEncodingInstance();
            fonts_[0] = doc_.CreateFontSubset("DejaVu Sans", false, false, false, enc, files.regular.c_str());
            fonts_[1] = doc_.CreateFontSubset("DejaVu Sans Bold", true, false, false, enc, files.bold.c_str());
        } catch (const PdfError& e) {
            return podofo_error("cannot load the report fonts", e);
        }
        if (!fonts_[0] || !fonts_[1]) return Error{files.regular, "cannot load the report fonts"};
        for (auto& w : widths_) w.assign(0x10000, -1.0);
        return std::nullopt;
    }

    double measure(Face face, double size, std::string_view s) override {
        const int f = face == Face::bold ? 1 : 0;
        double em = 0;
        for (size_t i = 0; i < s.size();) em += width_1pt(f, text::next_cp(s, i));
        return em * size;
    }

    Result<std::string> render(const std::vector<Page>& pages, const DocInfo& info) override {
        try {
            set_info(info);
            const int total = static_cast<int>(pages.size());
            for (int i = 0; i < total; ++i) draw_page(pages[i], info, i + 1, total);
            PdfRefCountedBuffer buffer;
            PdfOutputDevice device(&buffer);
            doc_.Write(&device);
            std::string bytes(buffer.GetBuffer(), device.GetLength());
            set_content_id(bytes);
            return bytes;
        } catch (const PdfError& e) {
            return podofo_error("cannot write the PDF", e);
        }
    }

private:
    double width_1pt(int f, uint32_t cp) {
        if (cp > 0xFFFF) cp = 0xFFFD;
        double& w = widths_[f][cp];
        if (w < 0) {
            PdfFontMetrics* m = fonts_[f]->GetFontMetrics2();
            const float size = m->GetFontSize();
            w = size > 0 ? m->UnicodeCharWidth(static_cast<unsigned short>(cp)) / size : 0;
        }
        return w;
    }

    void set_info(const DocInfo& info) {
        PdfInfo* pi = doc_.GetInfo();
        pi->SetTitle(utf8(info.title));
        pi->SetAuthor(utf8(info.author));
        pi->SetSubject(utf8(info.subject));
        pi->SetCreator(utf8("tfaudit " TFAUDIT_VERSION));
        pi->SetProducer(utf8("tfaudit " TFAUDIT_VERSION " (PoDoFo)"));
        PdfDictionary& d = pi->GetObject()->GetDictionary();
        d.AddKey(PdfName("CreationDate"), PdfString(info.date.c_str()));
        d.AddKey(PdfName("ModDate"), PdfString(info.date.c_str()));
    }

    void text(PdfPainter& p, const TextOp& t) {
        PdfFont* f = fonts_[t.face == Face::bold ? 1 : 0];
        f->SetFontSize(static_cast<float>(t.size));
        p.SetFont(f);
        p.SetColor(t.colour.r, t.colour.g, t.colour.b);
        p.DrawText(t.x, t.y, utf8(t.text));
    }

    void chrome(PdfPainter& p, const DocInfo& info, int n, int total) {
        const Geometry g;
        const TextStyle& s = info.chrome_style;
        const double top = g.height - g.top + 22;
        text(p, TextOp{g.left, top, s.face, s.size, s.colour, info.header_left});
        const double rw = measure(s.face, s.size, info.header_right);
        text(p, TextOp{g.width - g.right - rw, top, s.face, s.size, s.colour, info.header_right});
        p.SetStrokingColor(info.rule.r, info.rule.g, info.rule.b);
        p.SetStrokeWidth(0.5);
        p.DrawLine(g.left, top - 5, g.width - g.right, top - 5);
        const double bottom = g.bottom - 28;
        text(p, TextOp{g.left, bottom, s.face, s.size, s.colour, info.footer_left});
        std::string label = info.page_label;
        for (auto [k, v] : {std::pair<std::string, int>{"{page}", n}, {"{pages}", total}})
            if (auto at = label.find(k); at != std::string::npos) label.replace(at, k.size(), std::to_string(v));
        const double lw = measure(s.face, s.size, label);
        text(p, TextOp{g.width - g.right - lw, bottom, s.face, s.size, s.colour, label});
    }

    void draw_page(const Page& page, const DocInfo& info, int n, int total) {
        PdfPage* pdf_page = doc_.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
        PdfPainter p;
        p.SetPage(pdf_page);
        for (const auto& r : page.rects) {
            p.SetColor(r.fill.r, r.fill.g, r.fill.b);
            p.Rectangle(r.x, r.y, r.w, r.h);
            p.Fill();
        }
        for (const auto& l : page.lines) {
            p.SetStrokingColor(l.colour.r, l.colour.g, l.colour.b);
            p.SetStrokeWidth(l.width);
            p.DrawLine(l.x1, l.y1, l.x2, l.y2);
        }
        for (const auto& t : page.texts) text(p, t);
        if (page.chrome) chrome(p, info, n, total);
        p.FinishPage();
    }

    PdfMemDocument doc_;
    PdfFont* fonts_[2] = {nullptr, nullptr};
    std::vector<double> widths_[2];
};

}  // namespace

Result<std::unique_ptr<Renderer>> Renderer::open(const FontFiles& fonts) {
    for (const auto* f : {&fonts.regular, &fonts.bold}) {
        std::FILE* probe = std::fopen(f->c_str(), "rb");
        if (!probe) return Error{*f, "font file not found (install fonts-dejavu-core)"};
        std::fclose(probe);
    }
    auto r = std::make_unique<PodofoRenderer>();
    if (auto e = r->load(fonts)) return *e;
    return std::unique_ptr<Renderer>(std::move(r));
}

std::string pdf_date_from_day(long day) {
    std::string iso = cal::format(day);  // YYYY-MM-DD
    return "D:" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "000000Z";
}

std::string pdf_date_from_epoch(long long epoch) {
    const std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%SZ", &tm);
    return buf;
}

bool set_content_id(std::string& pdf) {
    const size_t id = pdf.rfind("/ID");
    if (id == std::string::npos) return false;
    const size_t open = pdf.find('[', id), close = pdf.find(']', id);
    if (open == std::string::npos || close == std::string::npos || close < open) return false;
    std::vector<size_t> digits;  // positions of the hex digits inside <...>
    bool inside = false;
    for (size_t i = open; i < close; ++i) {
        if (pdf[i] == '<')
            inside = true;
        else if (pdf[i] == '>')
            inside = false;
        else if (inside && std::isxdigit(static_cast<unsigned char>(pdf[i])))
            digits.push_back(i);
    }
    if (digits.empty()) return false;
    for (size_t i : digits) pdf[i] = '0';
    const std::string hash = sha256_hex(pdf);
    size_t k = 0;
    for (size_t n = 0; n < digits.size(); ++n) {
        if (n > 0 && digits[n] != digits[n - 1] + 1) k = 0;  // each string starts the hash again
        pdf[digits[n]] = static_cast<char>(std::toupper(static_cast<unsigned char>(hash[k++ % hash.size()])));
    }
    return true;
}

}  // namespace tfa::report::pdf

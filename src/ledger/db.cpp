#include "ledger/db.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <mutex>

#include "core/text.h"

namespace tfa::ledger {

using namespace Poco::Data::Keywords;

namespace {

void register_connectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

// '?' outside quotes → $1, $2, ... for PostgreSQL.
std::string dollar_params(const std::string& sql) {
    std::string out;
    int n = 0;
    bool quoted = false;
    for (char c : sql) {
        if (c == '\'') quoted = !quoted;
        if (c == '?' && !quoted)
            out += "$" + std::to_string(++n);
        else
            out += c;
    }
    return out;
}

// A short, lower-case, single-line form of a database error.
std::string tidy(std::string msg) {
    for (auto& c : msg)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    msg = text::collapse_ws(msg);
    if (msg.find("not a database") != std::string::npos || msg.find("malformed") != std::string::npos)
        return "not a tfaudit ledger or damaged (" + msg + ")";
    if (msg.find("locked") != std::string::npos || msg.find("busy") != std::string::npos)
        return "the ledger is locked by another process and stayed locked (" + msg + ")";
    return msg;
}

class PocoDb : public Db {
public:
    PocoDb(std::string where, bool pg, std::unique_ptr<Poco::Data::Session> s)
        : where_(std::move(where)), pg_(pg), s_(std::move(s)) {}
    const std::string& where() const override { return where_; }
    bool postgres() const override { return pg_; }

    Status exec(const std::string& sql, const std::vector<std::string>& params) override {
        try {
            Poco::Data::Statement st(*s_);
            st << (pg_ ? dollar_params(sql) : sql);
            for (const auto& p : params) st, bind(p);
            st.execute();
            return std::nullopt;
        } catch (const Poco::Exception& e) {
            return Error{where_, tidy(e.displayText())};
        }
    }

    Result<std::vector<Row>> query(const std::string& sql, const std::vector<std::string>& params,
                                   size_t columns) override {
        try {
            Poco::Data::Statement st(*s_);
            st << (pg_ ? dollar_params(sql) : sql);
            for (const auto& p : params) st, bind(p);
            st.execute();
            Poco::Data::RecordSet rs(st);
            std::vector<Row> rows;
            for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
                Row r;
                for (size_t c = 0; c < columns && c < rs.columnCount(); ++c)
                    r.push_back(rs[c].isEmpty() ? std::string() : rs[c].convert<std::string>());
                rows.push_back(std::move(r));
            }
            return rows;
        } catch (const Poco::Exception& e) {
            return Error{where_, tidy(e.displayText())};
        }
    }

    Status begin_write() override {
        if (pg_) {
            if (auto e = exec("BEGIN", {})) return e;
            // One writer at a time, as SQLite's BEGIN IMMEDIATE gives.
            return exec("SELECT pg_advisory_xact_lock(7271013)", {});
        }
        return exec("BEGIN IMMEDIATE", {});
    }
    Status commit() override { return exec("COMMIT", {}); }
    void rollback() override { (void)exec("ROLLBACK", {}); }

private:
    std::string where_;
    bool pg_;
    std::unique_ptr<Poco::Data::Session> s_;
};

std::string url_without_password(const std::string& url) {
    try {
        Poco::URI u(url);
        std::string user = u.getUserInfo();
        if (auto c = user.find(':'); c != std::string::npos) u.setUserInfo(user.substr(0, c));
        return u.toString();
    } catch (const Poco::Exception&) {
        return "postgresql://...";
    }
}

}  // namespace

std::string shown_location(const std::string& where) {
    const bool pg = text::starts_with(where, "postgresql://") || text::starts_with(where, "postgres://");
    return pg ? url_without_password(where) : where;
}

std::string pg_conninfo(const std::string& url) {
    try {
        Poco::URI u(url);
        if (u.getScheme() != "postgresql" && u.getScheme() != "postgres") return {};
        std::string s = "host=" + (u.getHost().empty() ? std::string("127.0.0.1") : u.getHost());
        s += " port=" + std::to_string(u.getPort() ? u.getPort() : 5432);
        std::string db = u.getPath();
        if (!db.empty() && db[0] == '/') db = db.substr(1);
        s += " dbname=" + (db.empty() ? std::string("postgres") : db);
        const std::string info = u.getUserInfo();
        const size_t colon = info.find(':');
        s += " user=" + (info.empty() ? std::string("postgres") : info.substr(0, colon));
        if (colon != std::string::npos) s += " password=" + info.substr(colon + 1);
        for (const auto& [k, v] : u.getQueryParameters()) s += " " + k + "=" + v;
        return s;
    } catch (const Poco::Exception&) {
        return {};
    }
}

Result<std::unique_ptr<Db>> open_db(const std::string& where) {
    register_connectors();
    const bool pg = text::starts_with(where, "postgresql://") || text::starts_with(where, "postgres://");
    const std::string shown = shown_location(where);
    try {
        if (pg) {
            const std::string info = pg_conninfo(where);
            if (info.empty()) return Error{shown, "not a PostgreSQL URL (postgresql://USER@HOST:PORT/DB)"};
            auto s = std::make_unique<Poco::Data::Session>("PostgreSQL", info + " connect_timeout=10");
            auto db = std::make_unique<PocoDb>(shown, true, std::move(s));
            if (auto e = db->exec("SET client_min_messages = warning", {})) return *e;
            if (const char* wait = std::getenv("TFAUDIT_LEDGER_TIMEOUT"); wait && std::atol(wait) > 0)
                if (auto e = db->exec("SET lock_timeout = " + std::to_string(std::atol(wait) * 1000), {})) return *e;
            return std::unique_ptr<Db>(std::move(db));
        }
        auto s = std::make_unique<Poco::Data::Session>("SQLite", where);
        auto db = std::make_unique<PocoDb>(shown, false, std::move(s));
        // How long to wait for another process's run to finish: 30 s, or TFAUDIT_LEDGER_TIMEOUT seconds.
        const char* wait = std::getenv("TFAUDIT_LEDGER_TIMEOUT");
        const long ms = wait && std::atol(wait) > 0 ? std::atol(wait) * 1000 : 30000;
        if (auto e = db->exec("PRAGMA busy_timeout = " + std::to_string(ms), {})) return *e;
        auto mode = db->query("PRAGMA journal_mode = WAL", {}, 1);
        if (!mode) return mode.error();
        return std::unique_ptr<Db>(std::move(db));
    } catch (const Poco::Exception& e) {
        return Error{shown, "cannot open the ledger: " + tidy(e.displayText())};
    }
}

}  // namespace tfa::ledger

// The ledgers the tests run against: a fresh SQLite file, and a fresh database on the
// throwaway PostgreSQL server that ctest starts (scripts/pg-test-server.sh; its folder is in
// TFAUDIT_TEST_PG_DIR). Under ctest the server is required; run by hand without it, the tests
// use SQLite alone and say so.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "ledger/db.h"

namespace tfa::test {

inline std::string temp_dir() {
    std::string t = "/tmp/tfaudit-ledger-XXXXXX";
    REQUIRE(::mkdtemp(&t[0]) != nullptr);
    return t;
}

// A new, empty PostgreSQL database on the test server: its URL, or "" when there is no server.
inline std::string fresh_pg_database() {
    const char* dir = std::getenv("TFAUDIT_TEST_PG_DIR");
    if (!dir || !*dir) return {};
    std::ifstream in(std::string(dir) + "/url");
    std::string url;
    std::getline(in, url);
    INFO("the test PostgreSQL server did not start: no URL in " << dir << "/url");
    REQUIRE(!url.empty());
    auto admin = ledger::open_db(url);
    INFO((admin ? "" : admin.error().str()));
    REQUIRE(admin.ok());
    static std::mt19937_64 rng{std::random_device{}()};
    const std::string name = "t" + std::to_string(rng() % 1000000000000ULL);
    REQUIRE(!admin.value()->exec("CREATE DATABASE " + name, {}));
    return url.substr(0, url.rfind('/') + 1) + name;
}

// One fresh ledger location per backend: SQLite first, then PostgreSQL when available.
inline std::vector<std::string> fresh_ledgers() {
    std::vector<std::string> out{temp_dir() + "/ledger.db"};
    if (auto pg = fresh_pg_database(); !pg.empty())
        out.push_back(pg);
    else
        WARN("TFAUDIT_TEST_PG_DIR not set: SQLite only");
    return out;
}

}  // namespace tfa::test

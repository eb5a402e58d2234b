// The ledger's database seam: one SQL dialect over Poco::Data's SQLite and PostgreSQL
// connectors. Statements are written once with '?' placeholders; for PostgreSQL they become
// $1, $2, ... Poco's exceptions stop here and become Errors naming the ledger.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace tfa::ledger {

// A row of text values (NULL reads as ""), as every ledger column is TEXT or INTEGER.
using Row = std::vector<std::string>;

class Db {
public:
    virtual ~Db() = default;
    // What the user named: the SQLite file, or the PostgreSQL URL without its password.
    virtual const std::string& where() const = 0;
    virtual bool postgres() const = 0;
    // Runs one statement with `params` bound in order (all as text, integers as their digits).
    virtual Status exec(const std::string& sql, const std::vector<std::string>& params = {}) = 0;
    // Runs a query returning `columns` columns per row.
    virtual Result<std::vector<Row>> query(const std::string& sql, const std::vector<std::string>& params,
                                           size_t columns) = 0;
    // Starts the one write transaction of a run: it waits (busy timeout / lock) for other
    // writers, so concurrent runs land one after the other.
    virtual Status begin_write() = 0;
    virtual Status commit() = 0;
    virtual void rollback() = 0;
};

// Opens `where`: a postgresql:// or postgres:// URL, else an SQLite file path (created when
// missing, WAL journal, 30 s busy timeout; TFAUDIT_LEDGER_TIMEOUT=SECONDS sets the wait, for
// SQLite and PostgreSQL alike). Errors name `where`.
Result<std::unique_ptr<Db>> open_db(const std::string& where);

// How a ledger location is shown and kept in records: an SQLite path as given, a PostgreSQL
// URL without its password.
std::string shown_location(const std::string& where);

// "host=H port=P dbname=D user=U password=X" from postgresql://U:X@H:P/D?k=v; empty on a URL
// that is not one.
std::string pg_conninfo(const std::string& url);

}  // namespace tfa::ledger

// Output files written whole or not at all, never over an input.
//
// An OutputFile is a temporary file in the target's folder, written, fsync'ed and renamed over
// the target when committed, and removed when not, also when the run is ended by SIGINT,
// SIGTERM or SIGHUP (install_cleanup_handlers). check_outputs() refuses outputs that would
// overwrite the evidence: an input file, anything inside an input folder, or each other.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace tfa::files {

class OutputFile {
public:
    explicit OutputFile(std::string target) : target_(std::move(target)) {}
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Creates the temporary file now, so an unwritable folder is found before any work.
    // Errors: the target is a folder, a device or a FIFO (never replaced), or its folder is
    // missing or not writable.
    Status open();

    // Writes `bytes` to the temporary file, fsyncs it and renames it to the target (then
    // fsyncs the folder). Errors: any failed write (a full disk), sync or rename; the
    // temporary is removed and the target left as it was.
    Status commit(const std::string& bytes);

private:
    void discard();

    std::string target_, temp_;
    int slot_ = -1;  // in the signal handler's list of temporaries
};

// Removes pending temporaries on SIGINT, SIGTERM and SIGHUP, then dies of the signal as usual.
void install_cleanup_handlers();

// Errors when an output (an option's value, named by `names[i]` in the message, e.g.
// "--report") is an input file, lies inside an input folder, or is the same file as another
// output. Links are resolved first. Empty outputs are skipped.
Status check_outputs(const std::vector<std::string>& outputs, const std::vector<std::string>& names,
                     const std::vector<std::string>& inputs);

}  // namespace tfa::files

#include "app/pipeline.h"

namespace tfa::app {

Status for_each_case(const std::vector<std::string>& paths, const PipelineOptions&,
                     const std::function<void(CaseRecord&&)>&) {
    return Error{paths.empty() ? "" : paths[0], "case extraction is not written yet"};
}

}  // namespace tfa::app

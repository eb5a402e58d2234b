// tfaudit: audits the case documents behind Troubled Families / Supporting Families claims.
#include "app/cli.h"

int main(int argc, char** argv) { return tfa::app::run(argc, argv); }

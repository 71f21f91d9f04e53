// hongfan — command-line entry point. Parses arguments and calls a command.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"

#ifndef HONGFAN_VERSION
#define HONGFAN_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace hongfan::cli;
  CLI::App app{"hongfan (红帆) — static site generator for community party-building portals"};
  app.set_version_flag("--version", std::string("hongfan ") + HONGFAN_VERSION);
  app.require_subcommand(1);

  BuildArgs build;
  auto* b = app.add_subcommand("build", "Render the site into public/");
  b->add_option("-s,--site", build.site, "Site folder (default: current folder)");
  b->add_option("-o,--output", build.output, "Output folder (default: SITE/public)");
  b->add_flag("--drafts", build.drafts, "Also publish pages marked draft: true");
  b->add_option("--now", build.now, "Treat this date (2024-06-01 or a date-time) as today");
  b->add_flag("--timings", build.timings, "Print the time each stage took");
  b->add_flag("-q,--quiet", build.quiet, "Print only problems");

  CheckArgs check;
  auto* c = app.add_subcommand("check", "Report broken links, missing files, unknown ids and privacy problems");
  c->add_option("-s,--site", check.site, "Site folder (default: current folder)");
  c->add_option("--format", check.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  c->add_flag("--drafts", check.drafts, "Also check pages marked draft: true");
  c->add_option("--now", check.now, "Treat this date as today");
  ServeArgs serve;
  auto* sv = app.add_subcommand("serve", "Build, serve on 127.0.0.1:1313, rebuild and reload on every change");
  sv->add_option("-s,--site", serve.site, "Site folder (default: current folder)");
  sv->add_option("-o,--output", serve.output, "Output folder (default: SITE/.hongfan-serve/public)");
  sv->add_option("--bind", serve.bind, "Address to listen on (default 127.0.0.1)");
  sv->add_option("--port", serve.port, "Port (default 1313)")->check(CLI::Range(1, 65535));
  sv->add_flag("--drafts", serve.drafts, "Also publish pages marked draft: true");
  sv->add_option("--now", serve.now, "Treat this date as today");
  sv->add_flag("--timings", serve.timings, "Print the time each stage of every rebuild took");

  NewArgs make;
  auto* n = app.add_subcommand("new", "Create a site, a news article, a notice or an activity");
  n->add_option("kind", make.kind, "site | news | notice | activity")
      ->required()
      ->check(CLI::IsMember({"site", "news", "notice", "activity"}));
  n->add_option("target", make.target, "Folder (for site) or title")->required();
  n->add_option("-s,--site", make.site, "Site folder (default: current folder)");
  n->add_option("--now", make.now, "Date to write into the front matter");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  if (b->parsed()) return run_build(build);
  if (n->parsed()) return run_new(make);
  if (c->parsed()) return run_check(check);
  if (sv->parsed()) return run_serve(serve);
  return kUsageError;
}

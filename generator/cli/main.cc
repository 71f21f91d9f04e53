// hongfan — command-line entry point. Parses arguments and calls a command.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"
#include "cli/spare_helper.h"
#include "core/i18n.h"

#ifndef HONGFAN_VERSION
#define HONGFAN_VERSION "0.0.0"
#endif

namespace {

using hongfan::_;

// --lang is read before the help texts are made, since they are translated
// as the options are declared.
std::string requested_language(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) return argv[i + 1];
    if (std::strncmp(argv[i], "--lang=", 7) == 0) return argv[i] + 7;
  }
  return {};
}

// CLI11's own words in the help screen.
void translate_help(CLI::App& app) {
  auto f = app.get_formatter();
  for (const char* label : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("REQUIRED"),
                            N_("TEXT"), N_("INT"), N_("Positionals"), N_("Needs"), N_("Excludes"), N_("Env")})
    f->label(label, _(label));
  app.option_defaults()->group(_("Options"));
}

// CLI11 says what is wrong with the command line in English; staff get it
// in their language, with what to type.
int report_usage_error(const CLI::App& app, const CLI::ParseError& e) {
  std::string what;
  if (dynamic_cast<const CLI::RequiredError*>(&e) || dynamic_cast<const CLI::RequiresError*>(&e))
    what = _("something required is missing from the command");
  else if (dynamic_cast<const CLI::ExtrasError*>(&e))
    what = _("the command has words hongfan does not know");
  else if (dynamic_cast<const CLI::ValidationError*>(&e) || dynamic_cast<const CLI::ConversionError*>(&e))
    what = _("a value in the command is not allowed");
  else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e))
    what = _("an option is missing its value");
  else
    what = _("the command is not complete");
  std::fprintf(stderr, "%s: %s (%s)\n", _("error"), what.c_str(), e.what());
  std::fprintf(stderr, "    %s%s\n", _("hint: "),
               hongfan::tr("run `{} --help` to see what you can type", app.get_name().empty() ? "hongfan" : app.get_name()).c_str());
  return hongfan::cli::kUsageError;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace hongfan::cli;
  hongfan::init_messages(requested_language(argc, argv));
  CLI::App app{_("hongfan (红帆) — static site generator for community party-building portals"), "hongfan"};
  translate_help(app);
  app.set_help_flag("-h,--help", _("Print this help and exit"));
  app.set_version_flag("--version", std::string("hongfan ") + HONGFAN_VERSION, _("Print the version and exit"));
  std::string lang;
  app.add_option("--lang", lang, _("Language of messages: zh (default) or en"));
  app.require_subcommand(1);

  BuildArgs build;
  auto* b = app.add_subcommand("build", _("Render the site into public/"));
  b->add_option("-s,--site", build.site, _("Site folder (default: current folder)"));
  b->add_option("-o,--output", build.output, _("Output folder (default: SITE/public)"));
  b->add_flag("--drafts", build.drafts, _("Also publish pages marked draft: true"));
  b->add_option("--now", build.now, _("Treat this date (2024-06-01 or a date-time) as today"));
  b->add_flag("--timings", build.timings, _("Print the time each stage took"));
  b->add_flag("-q,--quiet", build.quiet, _("Print only problems"));
  b->add_flag("--strict", build.strict, _("Treat every warning as an error: write nothing while one is left"));
  b->add_flag("--offline", build.offline,
              _("Make links end in index.html, so public/ opens from a disk or USB stick without a web server"));

  CheckArgs check;
  auto* c = app.add_subcommand("check", _("Report broken links, missing files, unknown ids and privacy problems"));
  c->add_option("-s,--site", check.site, _("Site folder (default: current folder)"));
  c->add_option("--format", check.format, _("text (default) or json"))->check(CLI::IsMember({"text", "json"}));
  c->add_flag("--drafts", check.drafts, _("Also check pages marked draft: true"));
  c->add_option("--now", check.now, _("Treat this date as today"));
  ServeArgs serve;
  auto* sv = app.add_subcommand("serve", _("Build, serve on 127.0.0.1:1313, rebuild and reload on every change"));
  sv->add_option("-s,--site", serve.site, _("Site folder (default: current folder)"));
  sv->add_option("-o,--output", serve.output, _("Output folder (default: SITE/.hongfan-serve/public)"));
  sv->add_option("--bind", serve.bind, _("Address to listen on (default 127.0.0.1)"));
  sv->add_option("--port", serve.port, _("Port (default 1313)"))->check(CLI::Range(1, 65535));
  sv->add_flag("--drafts", serve.drafts, _("Also publish pages marked draft: true"));
  sv->add_option("--now", serve.now, _("Treat this date as today"));
  sv->add_flag("--timings", serve.timings, _("Print the time each stage of every rebuild took"));
  sv->add_flag("--poll", serve.poll,
               _("Look for changed files once a second instead of waiting to be told (automatic on Windows "
                 "drives under WSL and on shared folders)"));

  NewArgs make;
  auto* n = app.add_subcommand("new", _("Create a site, a news article, a notice or an activity"));
  n->add_option("kind", make.kind, _("site | news | notice | activity"))
      ->required()
      ->check(CLI::IsMember({"site", "news", "notice", "activity"}));
  n->add_option("target", make.target, _("Folder (for site) or title"))->required();
  n->add_option("-s,--site", make.site, _("Site folder (default: current folder)"));
  n->add_option("--now", make.now, _("Date to write into the front matter"));

  NextArgs next;
  auto* nx = app.add_subcommand("next", _("Print when the site next changes by time alone (for cron)"));
  nx->add_option("-s,--site", next.site, _("Site folder (default: current folder)"));
  nx->add_option("--now", next.now, _("Treat this date as today"));

  StudioArgs studio;
  auto* st = app.add_subcommand("studio", _("Edit, review and publish in a browser (127.0.0.1:1314)"));
  st->add_option("-s,--site", studio.site, _("Site folder (default: current folder)"));
  st->add_option("--bind", studio.bind, _("Address to listen on (default 127.0.0.1; elsewhere needs users in studio.yaml)"));
  st->add_option("--port", studio.port, _("Port (default 1314)"))->check(CLI::Range(1, 65535));
  st->add_option("--now", studio.now, _("Treat this date as today"));
  auto* pw = st->add_subcommand("passwd", _("Read a password from stdin and print the studio.yaml line with its hash"));
  pw->add_option("login", studio.passwd_login, _("The user's login name"))->required();
  pw->set_help_flag("-h,--help", _("Print this help and exit"));

  // Not for staff: the helper a build starts to make the spare tree
  // (cli/spare_helper.h). Hidden from the help screen.
  std::string spare_of;
  int spare_lock_fd = -1;
  auto* ms = app.add_subcommand("make-spare", "");
  ms->add_option("--lock-fd", spare_lock_fd);
  ms->add_option("output", spare_of)->required();
  ms->group("");

  for (auto* sub : {b, c, sv, n, nx, st}) {
    sub->set_help_flag("-h,--help", _("Print this help and exit"));
    sub->group(_("Commands"));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e) == 0 ? kOk : kUsageError;
  } catch (const CLI::ParseError& e) {
    return report_usage_error(app, e);
  }
  if (b->parsed()) return run_build(build);
  if (n->parsed()) return run_new(make);
  if (c->parsed()) return run_check(check);
  if (sv->parsed()) return run_serve(serve);
  if (nx->parsed()) return run_next(next);
  if (st->parsed()) return run_studio(studio);
  if (ms->parsed()) return run_make_spare(spare_of, spare_lock_fd);
  return kUsageError;
}

// highlight_bench: how fast the highlighter turns code into HTML on one core, in MB of
// source per second, per language and over the whole differential-test corpus. Each
// language's samples are highlighted over and over (tokens and HTML, as bengal-parse does
// for a fenced block) for a fixed time; "lex" times the tokens alone. Time is the thread's
// CPU time, so other processes on a busy machine disturb the measurement less than they
// would wall time.
//
//   highlight_bench [corpus-dir] [seconds-per-language]      (defaults: the test corpus, 1)
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "highlight/highlight.h"

namespace fs = std::filesystem;
namespace hl = bengal::highlight;

namespace {

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct Rate {
  double bytes = 0;
  double seconds = 0;
  double mb_per_s() const { return bytes / seconds / 1e6; }
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs `work` over all samples until `seconds` have passed; returns the bytes and time.
template <class Work>
Rate measure(const std::vector<std::string>& samples, double seconds, Work work) {
  Rate rate;
  double start = cpu_seconds();
  do {
    for (const std::string& code : samples) {
      work(code);
      rate.bytes += static_cast<double>(code.size());
    }
    rate.seconds = cpu_seconds() - start;
  } while (rate.seconds < seconds);
  return rate;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpus = argc > 1 ? argv[1] : BENGAL_HIGHLIGHT_CORPUS;
  double seconds = argc > 2 ? std::atof(argv[2]) : 1.0;
  std::map<std::string, std::vector<std::string>> languages;
  for (const auto& dir : fs::directory_iterator(corpus)) {
    if (!dir.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(dir.path())) {
      languages[dir.path().filename().string()].push_back(read(file.path()));
    }
  }
  if (languages.empty()) {
    std::fprintf(stderr, "highlight_bench: error: no samples in %s\n", corpus.string().c_str());
    return 1;
  }

  std::printf("%-12s %9s %10s %10s\n", "language", "bytes", "lex MB/s", "html MB/s");
  Rate total_lex, total_html;
  hl::Tokens tokens;
  std::string html;
  for (const auto& [name, samples] : languages) {
    hl::CodeOptions options;
    options.language = name;
    const hl::Language* language = hl::find_language(name);
    Rate lex = measure(samples, seconds, [&](const std::string& code) { hl::tokenize(language, code, tokens); });
    Rate full = measure(samples, seconds, [&](const std::string& code) {
      html.clear();
      hl::render_code_block(code, options, html);
    });
    size_t bytes = 0;
    for (const std::string& code : samples) bytes += code.size();
    std::printf("%-12s %9zu %10.1f %10.1f\n", name.c_str(), bytes, lex.mb_per_s(), full.mb_per_s());
    // The total weighs each language by its share of the corpus: time per byte, summed.
    total_lex.bytes += static_cast<double>(bytes);
    total_lex.seconds += static_cast<double>(bytes) / (lex.mb_per_s() * 1e6);
    total_html.bytes += static_cast<double>(bytes);
    total_html.seconds += static_cast<double>(bytes) / (full.mb_per_s() * 1e6);
  }
  std::printf("%-12s %9.0f %10.1f %10.1f\n", "total", total_lex.bytes, total_lex.mb_per_s(), total_html.mb_per_s());

  // The case the issue measured GNU source-highlight on: many small blocks, each with its
  // info string parsed and its HTML written from scratch.
  const std::vector<std::string> small = {
      "def greet(name):\n    \"\"\"Say hello.\"\"\"\n    return f\"Hello, {name}!\"\n"};
  Rate blocks = measure(small, seconds, [&](const std::string& code) {
    hl::CodeOptions options;
    hl::parse_info_string("python {2} title=\"greet.py\"", options);
    html.clear();
    hl::render_code_block(code, options, html);
  });
  std::printf("small blocks (%zu bytes, with options): %.0f blocks/s\n", small[0].size(),
              blocks.bytes / static_cast<double>(small[0].size()) / blocks.seconds);
  return 0;
}

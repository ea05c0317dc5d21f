#include <cctype>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

enum class TokenKind { kNumber, kIdent, kOperator, kLParen, kRParen, kEnd };

struct Token {
  TokenKind kind;
  std::string text;
  double value = 0.0;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view source) : src_(source) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (true) {
      Token t = next();
      out.push_back(t);
      if (t.kind == TokenKind::kEnd) break;
    }
    return out;
  }

 private:
  Token next() {
    while (pos_ < src_.size() && std::isspace(static_cast<unsigned char>(src_[pos_]))) ++pos_;
    if (pos_ >= src_.size()) return {TokenKind::kEnd, ""};
    char c = src_[pos_];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      std::size_t used = 0;
      double v = std::stod(std::string(src_.substr(pos_)), &used);
      Token t{TokenKind::kNumber, std::string(src_.substr(pos_, used)), v};
      pos_ += used;
      return t;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t start = pos_;
      while (pos_ < src_.size() && (std::isalnum(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_')) ++pos_;
      return {TokenKind::kIdent, std::string(src_.substr(start, pos_ - start))};
    }
    ++pos_;
    switch (c) {
      case '(': return {TokenKind::kLParen, "("};
      case ')': return {TokenKind::kRParen, ")"};
      case '+': case '-': case '*': case '/': case '^':
        return {TokenKind::kOperator, std::string(1, c)};
      default:
        throw std::runtime_error("unexpected character '" + std::string(1, c) + "'");
    }
  }

  std::string_view src_;
  std::size_t pos_ = 0;
};

int main(int argc, char** argv) {
  const char* input = argc > 1 ? argv[1] : "2 * (x + 3.5e2) - y / 0x10";
  try {
    for (const auto& t : Tokenizer(input).run()) {
      std::cout << static_cast<int>(t.kind) << '\t' << t.text << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}

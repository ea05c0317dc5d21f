// CSS: selectors, at-rules, declarations, and values (keywords, colours, functions,
// numbers with units, urls, custom properties).
//
// Three contexts, as in Pygments: selectors (the top level, at-rule preludes and the body
// of an at-rule such as @media), declarations (inside a rule's braces), and values (after a
// property's ':', and inside a function's parentheses).
#include "highlight/lexers.h"

namespace bengal::highlight {
namespace {

constexpr std::string_view kProperties =
    "accent-color align-content align-items align-self all animation animation-delay animation-direction "
    "animation-duration animation-fill-mode animation-iteration-count animation-name animation-play-state "
    "animation-timing-function appearance aspect-ratio backface-visibility background background-attachment "
    "background-blend-mode background-clip background-color background-image background-origin "
    "background-position background-repeat background-size block-size border border-block border-bottom "
    "border-bottom-color border-bottom-left-radius border-bottom-right-radius border-bottom-style "
    "border-bottom-width border-collapse border-color border-image border-inline border-left border-left-color "
    "border-left-style border-left-width border-radius border-right border-right-color border-right-style "
    "border-right-width border-spacing border-style border-top border-top-color border-top-left-radius "
    "border-top-right-radius border-top-style border-top-width border-width bottom box-shadow box-sizing "
    "break-after break-before break-inside caption-side caret-color clear clip clip-path color column-count "
    "column-gap column-rule column-span column-width columns content counter-increment counter-reset cursor "
    "direction display empty-cells filter flex flex-basis flex-direction flex-flow flex-grow flex-shrink "
    "flex-wrap float font font-family font-feature-settings font-kerning font-size font-stretch font-style "
    "font-variant font-weight gap grid grid-area grid-auto-columns grid-auto-flow grid-auto-rows grid-column "
    "grid-column-end grid-column-start grid-row grid-row-end grid-row-start grid-template grid-template-areas "
    "grid-template-columns grid-template-rows height hyphens inset isolation justify-content justify-items "
    "justify-self left letter-spacing line-height list-style list-style-image list-style-position "
    "list-style-type margin margin-bottom margin-left margin-right margin-top max-height max-width min-height "
    "min-width mix-blend-mode object-fit object-position opacity order orphans outline outline-color "
    "outline-offset outline-style outline-width overflow overflow-wrap overflow-x overflow-y padding "
    "padding-bottom padding-left padding-right padding-top page-break-after page-break-before "
    "page-break-inside perspective place-content place-items pointer-events position quotes resize right "
    "row-gap scroll-behavior scroll-margin-top scroll-padding-top tab-size table-layout text-align "
    "text-decoration text-decoration-color text-decoration-line text-decoration-style text-indent "
    "text-overflow text-shadow text-transform text-underline-offset top transform transform-origin transition "
    "transition-delay transition-duration transition-property transition-timing-function unicode-bidi "
    "user-select vertical-align visibility white-space widows width will-change word-break word-spacing "
    "word-wrap writing-mode z-index";

constexpr std::string_view kKeywordValues =
    "absolute alias all all-scroll always auto avoid baseline below bidi-override blink block bold bolder "
    "border-box both bottom break-all break-word capitalize cell center circle clip col-resize collapse "
    "column column-reverse compact condensed contain content content-box context-menu copy cover crosshair "
    "currentColor currentcolor cursive dashed decimal decimal-leading-zero default disc dotted double e-resize ease "
    "ease-in ease-in-out "
    "ease-out ellipsis end ew-resize expanded fantasy fill fixed flex flex-end flex-start forwards from grab "
    "grabbing grid groove hand help hidden hide horizontal infinite inherit initial inline inline-block "
    "inline-flex inline-grid inline-table inset inside italic justify large larger left lighter line-through "
    "linear list-item local lower-alpha lower-roman lowercase ltr medium middle monospace move n-resize "
    "ne-resize no-repeat none normal not-allowed nowrap ns-resize nw-resize oblique outset outside overline "
    "padding-box pointer pre pre-line pre-wrap progress relative repeat repeat-x repeat-y reverse ridge right "
    "round row row-reverse row-resize rtl s-resize sans-serif scroll se-resize separate serif show small "
    "small-caps smaller solid space-around space-between square start static sticky stretch sub super "
    "sw-resize table table-cell table-row text text-bottom text-top thick thin to top transparent underline "
    "unset upper-alpha upper-roman uppercase vertical visible w-resize wait wavy wrap zoom-in zoom-out";

// CSS named colours.
constexpr std::string_view kColors =
    "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown "
    "burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan "
    "darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid "
    "darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet "
    "deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro "
    "ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki "
    "lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow "
    "lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray "
    "lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue "
    "mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise "
    "mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange "
    "orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum "
    "powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell "
    "sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato "
    "turquoise violet wheat white whitesmoke yellow yellowgreen";

// Functions of the CSS standards that read as builtins; other names before '(' are functions.
constexpr std::string_view kBuiltinFunctions =
    "attr blur brightness calc circle contrast counter cubic-bezier drop-shadow ellipse grayscale hsl hsla "
    "hue-rotate hwb image inset invert linear-gradient matrix matrix3d opacity perspective polygon "
    "radial-gradient rect repeating-linear-gradient repeating-radial-gradient rgb rgba rotate rotate3d rotateX "
    "rotateY rotateZ saturate scale scale3d scaleX scaleY scaleZ sepia skewX skewY steps translate translate3d "
    "translateX translateY translateZ";

constexpr std::string_view kVendorPrefixes[] = {"-webkit-", "-moz-", "-ms-", "-o-", "-khtml-"};

// In a value: keywords, colours, and property names (transition: color 1s).
const WordTable& css_value_words() {
  static const WordTable table({
      {Tok::kKeywordConstant, kKeywordValues},
      {Tok::kKeywordConstant, kColors},
      {Tok::kKeyword, kProperties},
  });
  return table;
}

const WordTable& css_properties() {
  static const WordTable table({{Tok::kKeyword, kProperties}});
  return table;
}

const WordTable& css_units() {
  static const WordTable table({{Tok::kKeywordType,
                                 "deg grad rad turn Hz kHz em ex ch rem vh vw vmin vmax px mm cm in pt pc q dpi "
                                 "dpcm dppx s ms"}});
  return table;
}

const WordTable& css_builtin_functions() {
  static const WordTable table({{Tok::kNameBuiltin, kBuiltinFunctions}});
  return table;
}

constexpr CharSet kNameStart = kLetters | "_";
constexpr CharSet kNameChars = kLetters | kDigits | "_-";

class CssLexer {
 public:
  explicit CssLexer(Scanner& s) : s_(s) {}

  void run() {
    while (!s_.done()) selector_token(false);
  }

 private:
  bool space_or_comment() {
    if (s_.at_any(kSpaces)) {
      s_.skip_spaces();
      return true;
    }
    if (s_.at("/*") && s_.rest().find("*/", 2) != std::string_view::npos) {
      s_.skip_past("*/");
      s_.emit(Tok::kComment);
      return true;
    }
    return false;
  }

  // One token of a selector or an at-rule's prelude. Returns false at a '}' that closes the
  // enclosing at-rule block (only when `in_block`).
  bool selector_token(bool in_block) {
    if (space_or_comment()) return true;
    char c = s_.peek();
    if (c == '{') {
      s_.emit_next(1, Tok::kPunctuation);
      declarations();
    } else if (c == '}' && in_block) {
      s_.emit_next(1, Tok::kPunctuation);
      return false;
    } else if (c == ':' && (kNameChars.has(s_.peek(1)) || (s_.peek(1) == ':' && kNameChars.has(s_.peek(2))))) {
      s_.skip(":");
      s_.emit(Tok::kPunctuation);
      s_.skip(kNameChars);
      s_.emit(Tok::kNameDecorator);  // :hover, ::before
    } else if ((c == '.' || c == '#' || c == '@') && kNameChars.has(s_.peek(1))) {
      s_.emit_next(1, Tok::kPunctuation);
      s_.skip(kNameChars);
      s_.emit(c == '.' ? Tok::kNameClass : c == '#' ? Tok::kNameNamespace : Tok::kKeyword);
      if (c == '@') at_rule();
    } else if (kNameChars.has(c) || kNonAscii.has(c)) {
      s_.skip(kNameChars | kNonAscii);
      s_.emit(Tok::kNameTag);
    } else if (c == '"' || c == '\'') {
      string();
    } else {
      s_.emit_next(1, CharSet("~^*!%&$[]()<>|+=@:;,./?-").has(c) ? Tok::kOperator : Tok::kError);
    }
    return true;
  }

  // After @name: the prelude up to ';', or up to '{' and then a block of rules to its '}'.
  void at_rule() {
    while (!s_.done()) {
      char c = s_.peek();
      if (c == ';') return s_.emit_next(1, Tok::kPunctuation);
      if (c == '{') {
        s_.emit_next(1, Tok::kPunctuation);
        while (!s_.done() && selector_token(true)) {
        }
        return;
      }
      selector_token(false);
    }
  }

  // Inside a rule's braces: property: value; ... up to the '}'.
  void declarations() {
    while (!s_.done()) {
      if (space_or_comment()) continue;
      char c = s_.peek();
      if (c == '}') return s_.emit_next(1, Tok::kPunctuation);
      if (c == ';') {
        s_.emit_next(1, Tok::kPunctuation);
        continue;
      }
      if (c == '@' && s_.at_line_start()) {
        s_.skip_line();
        s_.emit(Tok::kCommentPreproc);
        continue;
      }
      if (vendor_prefix(Tok::kKeywordPseudo)) continue;
      if (!property() || value()) continue;
      return;  // the value ended at the block's '}'
    }
  }

  bool vendor_prefix(Tok cls) {
    for (std::string_view prefix : kVendorPrefixes) {
      if (s_.at(prefix)) {
        s_.emit_next(prefix.size(), cls);
        return true;
      }
    }
    return false;
  }

  // name: (a known property, a --custom-property or another name); false when no such
  // name starts here (the byte is then an error).
  bool property() {
    size_t start = s_.pos();
    bool custom = s_.skip("-") > 0;
    std::string_view name = s_.take_word(kNameStart, kNameChars);
    size_t name_end = s_.pos();
    s_.skip(kSpaces);
    if (name.empty() || s_.peek() != ':') {
      s_.seek(start);
      s_.emit_next(1, Tok::kError);
      return false;
    }
    s_.seek(name_end);
    Tok cls = custom ? Tok::kNameVariable : css_properties().find(name);
    s_.emit(cls);
    s_.skip_spaces();
    s_.emit_next(1, Tok::kPunctuation);
    return true;
  }

  // A property's value, through its ';'. Returns false when it ended at the block's '}'
  // (emitted).
  bool value() {
    while (!s_.done()) {
      if (space_or_comment()) continue;
      char c = s_.peek();
      if (c == ';') {
        s_.emit_next(1, Tok::kPunctuation);
        return true;
      }
      if (c == '}') {
        s_.emit_next(1, Tok::kPunctuation);
        return false;
      }
      if (vendor_prefix(Tok::kNameBuiltinPseudo) || url() || function_call() || keyword() || number()) continue;
      if (s_.at("!important")) {
        s_.emit_next(10, Tok::kCommentPreproc);
      } else if (CharSet("~^*!%&<>|+=@:./?-").has(c)) {
        s_.skip("~^*!%&<>|+=@:./?-");
        s_.emit(Tok::kOperator);
      } else if (CharSet("[](),").has(c)) {
        s_.skip("[](),");
        s_.emit(Tok::kPunctuation);
      } else if (c == '"' || c == '\'') {
        string();
      } else if (kNameStart.has(c)) {
        s_.skip(kNameChars);
        s_.emit(Tok::kText);
      } else {
        s_.emit_next(1, Tok::kError);
      }
    }
    return true;
  }

  // The arguments of a function, up to its ')'.
  void arguments() {
    while (!s_.done()) {
      if (space_or_comment()) continue;
      char c = s_.peek();
      if (c == ')') return s_.emit_next(1, Tok::kPunctuation);
      if (c == '-' && variable()) continue;
      if (url() || vendor_prefix(Tok::kKeywordPseudo) || keyword(false) || function_call() || number()) continue;
      if (CharSet("*+/-").has(c)) {
        s_.emit_next(1, Tok::kOperator);
      } else if (c == ',') {
        s_.emit_next(1, Tok::kPunctuation);
      } else if (c == '"' || c == '\'') {
        string();
      } else if ((kNameStart | "-").has(c)) {
        s_.advance();
        s_.skip(kIdentChars);
        s_.emit(Tok::kText);
      } else {
        s_.emit_next(1, Tok::kError);
      }
    }
  }

  // --name (and -fill after a keyword): a variable.
  bool variable() {
    size_t start = s_.pos();
    s_.skip("-");
    if (s_.skip(kIdentChars | "+") == 0) {
      s_.seek(start);
      return false;
    }
    s_.skip(kNameChars | "+");
    s_.emit(Tok::kNameVariable);
    return true;
  }

  // url(...) with a quoted or a bare address.
  bool url() {
    if (!s_.at("url(")) return false;
    size_t close = s_.rest().find(')');
    if (close == std::string_view::npos) return false;
    s_.emit_next(3, Tok::kNameBuiltin);
    s_.emit_next(1, Tok::kPunctuation);
    char c = s_.peek();
    s_.advance(close - 4);
    s_.emit(c == '"' ? Tok::kStringDouble : c == '\'' ? Tok::kStringSingle : Tok::kStringOther);
    s_.emit_next(1, Tok::kPunctuation);
    return true;
  }

  // name( -- a builtin or another function; its arguments follow.
  bool function_call() {
    size_t start = s_.pos();
    std::string_view name = s_.take_word(kNameStart, kNameChars);
    if (name.size() < 2 || s_.peek() != '(') {
      s_.seek(start);
      return false;
    }
    s_.emit(css_builtin_functions().contains(name) ? Tok::kNameBuiltin : Tok::kNameFunction);
    s_.emit_next(1, Tok::kPunctuation);
    arguments();
    return true;
  }

  // The longest keyword, colour (or, in a value, property name) that starts here and ends
  // at a word boundary: "auto-fill" is the keyword "auto" followed by "-fill".
  bool keyword(bool properties = true) {
    std::string_view rest = s_.rest();
    if (rest.empty() || !kNameStart.has(rest[0])) return false;
    size_t end = 1;
    while (end < rest.size() && kNameChars.has(rest[end])) ++end;
    for (;;) {
      Tok cls = css_value_words().find(rest.substr(0, end));
      if (cls == Tok::kKeywordConstant || (properties && cls == Tok::kKeyword)) {
        s_.emit_next(end, cls);
        return true;
      }
      size_t dash = rest.substr(0, end).rfind('-');
      if (dash == std::string_view::npos || dash == 0) return false;
      end = dash;
    }
  }

  // #abc, 1.5, -2, then a unit (px, em, %, ...).
  bool number() {
    char c = s_.peek();
    if (c == '#') {
      size_t n = 0;
      while (n < 6 && (kLetters | kDigits).has(s_.peek(1 + n))) ++n;
      if (n == 0) return false;
      s_.emit_next(1 + n, Tok::kNumberHex);
      return true;
    }
    size_t start = s_.pos();
    s_.take_any("+-");
    size_t digits = s_.skip(kDigits);
    bool is_float = s_.peek() == '.' && kDigits.has(s_.peek(1));
    if (is_float) {
      s_.advance();
      s_.skip(kDigits);
    } else if (digits == 0) {
      s_.seek(start);
      return false;
    }
    s_.emit(is_float ? Tok::kNumberFloat : Tok::kNumberInteger);
    if (s_.take('%')) return s_.emit(Tok::kKeywordType), true;
    size_t unit_start = s_.pos();
    std::string_view unit = s_.take_word(kLetters, kLetters);
    if (!unit.empty() && !kIdentChars.has(s_.peek()) && css_units().contains(unit)) {
      s_.emit(Tok::kKeywordType);
    } else {
      s_.seek(unit_start);
    }
    return true;
  }

  void string() {
    char quote = s_.peek();
    size_t start = s_.pos();
    s_.advance();
    while (!s_.done() && s_.peek() != quote) s_.advance(s_.peek() == '\\' ? 2 : 1);
    if (!s_.take(quote)) {
      s_.seek(start);
      return s_.emit_next(1, Tok::kError);
    }
    s_.emit(quote == '"' ? Tok::kStringDouble : Tok::kStringSingle);
  }

  Scanner& s_;
};

}  // namespace

void lex_css(Scanner& s) { CssLexer(s).run(); }

}  // namespace bengal::highlight

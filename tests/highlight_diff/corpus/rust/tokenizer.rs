//! A small tokenizer for template expressions.
use std::iter::Peekable;
use std::str::CharIndices;

#[derive(Debug, Clone, PartialEq)]
pub enum Token<'src> {
    Name(&'src str),
    Number(f64),
    Str(String),
    Op(&'static str),
    LParen,
    RParen,
}

pub struct Lexer<'src> {
    src: &'src str,
    chars: Peekable<CharIndices<'src>>,
}

impl<'src> Lexer<'src> {
    pub fn new(src: &'src str) -> Self {
        Lexer { src, chars: src.char_indices().peekable() }
    }

    fn take_while<F: Fn(char) -> bool>(&mut self, start: usize, pred: F) -> &'src str {
        let mut end = start;
        while let Some(&(i, c)) = self.chars.peek() {
            if !pred(c) {
                break;
            }
            end = i + c.len_utf8();
            self.chars.next();
        }
        &self.src[start..end]
    }
}

impl<'src> Iterator for Lexer<'src> {
    type Item = Result<Token<'src>, String>;

    fn next(&mut self) -> Option<Self::Item> {
        let (start, c) = loop {
            let (i, c) = self.chars.next()?;
            if !c.is_whitespace() {
                break (i, c);
            }
        };
        Some(Ok(match c {
            '(' => Token::LParen,
            ')' => Token::RParen,
            '+' | '-' | '*' | '/' => Token::Op(match c { '+' => "+", '-' => "-", '*' => "*", _ => "/" }),
            '"' => {
                let body = self.take_while(start + 1, |c| c != '"');
                self.chars.next();
                Token::Str(body.replace("\\n", "\n"))
            }
            c if c.is_ascii_digit() => {
                let text = self.take_while(start, |c| c.is_ascii_digit() || c == '.');
                match text.parse::<f64>() {
                    Ok(n) => Token::Number(n),
                    Err(e) => return Some(Err(format!("bad number {text:?}: {e}"))),
                }
            }
            c if c.is_alphabetic() || c == '_' => Token::Name(self.take_while(start, |c| c.is_alphanumeric() || c == '_')),
            other => return Some(Err(format!("unexpected {other:?} at {start}"))),
        }))
    }
}

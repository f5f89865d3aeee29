import SwiftParser
import SwiftSyntax

/// Swift code as HTML, highlighted on the server from swift-syntax's own tokens: each token in a
/// `<span class="tok-…">`, its trivia (spaces, comments) kept byte for byte, so that the page
/// shows exactly the code that ran.
enum SwiftHighlighter {
    /// The HTML of `code`, escaped, with token classes (`tok-keyword`, `tok-type`, `tok-number`,
    /// `tok-string`, `tok-comment`, `tok-operator`, `tok-punctuation`, `tok-function`,
    /// `tok-identifier`, `tok-attribute`).
    static func html(_ code: String) -> String {
        let tree = Parser.parse(source: code)
        var html = ""
        html.reserveCapacity(code.utf8.count * 3)
        for token in tree.tokens(viewMode: .sourceAccurate) {
            appendTrivia(token.leadingTrivia, to: &html)
            let text = token.text
            if let kind = tokenClass(token), !text.isEmpty {
                html += "<span class=\"tok-\(kind)\">" + HTML.escape(text) + "</span>"
            } else {
                html += HTML.escape(text)
            }
            appendTrivia(token.trailingTrivia, to: &html)
        }
        return html
    }

    /// Spaces and newlines as they are; comments in their own class.
    private static func appendTrivia(_ trivia: Trivia, to html: inout String) {
        for piece in trivia {
            var text = ""
            piece.write(to: &text)
            switch piece {
            case .lineComment, .blockComment, .docLineComment, .docBlockComment:
                html += "<span class=\"tok-comment\">" + HTML.escape(text) + "</span>"
            default:
                html += HTML.escape(text)
            }
        }
    }

    /// The class of a token, from its kind and its place in the tree (a name that is called,
    /// a type name), or nil for none.
    private static func tokenClass(_ token: TokenSyntax) -> String? {
        switch token.tokenKind {
        case .keyword(.true), .keyword(.false), .keyword(.nil):
            return "keyword"
        case .keyword:
            return token.parent?.is(AttributeSyntax.self) == true ? "attribute" : "keyword"
        case .integerLiteral, .floatLiteral:
            return "number"
        case .stringSegment, .stringQuote, .multilineStringQuote, .rawStringPoundDelimiter, .singleQuote:
            return "string"
        case .binaryOperator, .prefixOperator, .postfixOperator, .arrow, .exclamationMark, .postfixQuestionMark, .infixQuestionMark, .equal:
            return "operator"
        case .leftParen, .rightParen, .leftBrace, .rightBrace, .leftSquare, .rightSquare, .comma, .colon, .semicolon, .period, .ellipsis:
            return "punctuation"
        case .atSign:
            return "attribute"
        case .dollarIdentifier:
            return "identifier"
        case .identifier:
            return identifierClass(token)
        default:
            return nil
        }
    }

    /// A type (capitalised, or in a type position), a called function, or another name.
    private static func identifierClass(_ token: TokenSyntax) -> String {
        guard let parent = token.parent else { return "identifier" }
        if parent.is(IdentifierTypeSyntax.self) || parent.is(MemberTypeSyntax.self) { return "type" }
        if parent.is(AttributeSyntax.self) || parent.parent?.is(AttributeSyntax.self) == true { return "attribute" }
        if let declaration = parent.as(FunctionDeclSyntax.self), declaration.name == token { return "function" }
        if parent.is(StructDeclSyntax.self) { return "type" }
        // `f(x)` and `a.f(x)`: the called name is the last token of the callee.
        if let reference = parent.as(DeclReferenceExprSyntax.self) {
            var callee = Syntax(reference)
            if let member = reference.parent?.as(MemberAccessExprSyntax.self), member.declName == reference {
                callee = Syntax(member)
            }
            if let call = callee.parent?.as(FunctionCallExprSyntax.self), call.calledExpression.id == callee.id {
                return token.text.first?.isUppercase == true ? "type" : "function"
            }
            if token.text.first?.isUppercase == true { return "type" }
        }
        return "identifier"
    }
}

/// Escaping text for HTML.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

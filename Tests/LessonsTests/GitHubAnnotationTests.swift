@testable import Lessons
import Testing

@Suite struct GitHubAnnotationTests {
    @Test func plainAnnotation() {
        #expect(
            GitHubAnnotation.error(file: "Lessons/01.md", line: 12, title: "Output differs", message: "expected 1, got 2")
                == "::error file=Lessons/01.md,line=12,title=Output differs::expected 1, got 2"
        )
        #expect(
            GitHubAnnotation.error(file: "a.md", line: 1, title: nil, message: "failed")
                == "::error file=a.md,line=1::failed"
        )
    }

    @Test func messageEscapesPercentAndLineBreaksOnly() {
        #expect(
            GitHubAnnotation.error(file: "a.md", line: 3, title: nil, message: "100% off\nline 2\r\nline 3\rend: a, b %0A")
                == "::error file=a.md,line=3::100%25 off%0Aline 2%0D%0Aline 3%0Dend: a, b %250A"
        )
    }

    @Test func propertiesAlsoEscapeColonsAndCommas() {
        #expect(
            GitHubAnnotation.error(file: "C:\\lessons,1%.md", line: 7, title: "a: b, c\n100%\r", message: "m")
                == "::error file=C%3A\\lessons%2C1%25.md,line=7,title=a%3A b%2C c%0A100%25%0D::m"
        )
    }

    @Test func annotationIsOneLine() {
        let line = GitHubAnnotation.error(file: "x\n.md", line: 1, title: "t\r\n", message: "a\nb\r\nc\n")
        #expect(!line.contains("\n") && !line.unicodeScalars.contains("\r"))
        #expect(line == "::error file=x%0A.md,line=1,title=t%0D%0A::a%0Ab%0D%0Ac%0A")
    }
}

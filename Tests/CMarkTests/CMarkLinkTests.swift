import CMark
import Testing

/// The system-library target links cmark-gfm and parses with source positions.
@Test func cmarkParsesAFencedBlockWithItsLines() throws {
    let markdown = "# Title\n\n```swift-math hidden\nlet x = 1\n```\n"
    let document = try #require(cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_SOURCEPOS))
    defer { cmark_node_free(document) }
    let heading = try #require(cmark_node_first_child(document))
    let block = try #require(cmark_node_next(heading))
    #expect(cmark_node_get_type(block) == CMARK_NODE_CODE_BLOCK)
    #expect(String(cString: cmark_node_get_fence_info(block)) == "swift-math hidden")
    #expect(cmark_node_get_start_line(block) == 3)
    #expect(cmark_node_get_end_line(block) == 5)
}

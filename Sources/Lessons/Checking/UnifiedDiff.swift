/// Line-based differences printed exactly as GNU `diff -u --label EXPECTED --label ACTUAL` prints them.
///
/// The lines are matched as GNU diff 3.x matches them (its Myers search, its discarding of lines that
/// cannot match, its shifting of changes, its trimming of common ends), so that when several minimal
/// diffs exist the one shown is the one a reader would get from `diff -u` on the two files.
public enum UnifiedDiff {
    /// The unified diff from `expected` to `actual`, with `context` lines around each change; "" when equal.
    public static func make(
        expected: String, actual: String, expectedLabel: String, actualLabel: String, context: Int = 3
    ) -> String {
        // Lines are compared as bytes, not as Swift strings, which would equate canonically equivalent
        // Unicode and so hide differences that diff shows.
        let old = Array(expected.utf8)
        let new = Array(actual.utf8)
        if old == new { return "" }
        let lines = (Self.lines(of: old), Self.lines(of: new))
        // More context than lines changes nothing, and capping it keeps the arithmetic from overflowing.
        let context = min(max(0, context), max(lines.0.count, lines.1.count))
        let changes = LineMatcher.changes(lines.0, lines.1, horizon: context)
        var output: [UInt8] = []
        output += Array("--- \(expectedLabel)\n+++ \(actualLabel)\n".utf8)
        for hunk in hunks(changes, context: context) {
            write(hunk, context: context, lines: lines, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The lines of a text, each with its newline; the last one lacks it when the text does.
    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// The changes grouped into hunks: changes whose contexts touch or overlap share a hunk, as in GNU diff.
    private static func hunks(_ changes: [LineMatcher.Change], context: Int) -> [ArraySlice<LineMatcher.Change>] {
        var hunks: [ArraySlice<LineMatcher.Change>] = []
        var start = changes.startIndex
        for index in changes.indices.dropFirst() {
            let previous = changes[index - 1]
            let gap = changes[index].line0 - (previous.line0 + previous.deleted)
            if gap > 2 * context {
                hunks.append(changes[start..<index])
                start = index
            }
        }
        if start < changes.endIndex { hunks.append(changes[start...]) }
        return hunks
    }

    /// Appends one hunk: its `@@` header, then context, deleted and inserted lines in file order.
    private static func write(
        _ hunk: ArraySlice<LineMatcher.Change>, context: Int,
        lines: ([ArraySlice<UInt8>], [ArraySlice<UInt8>]), to output: inout [UInt8]
    ) {
        guard let first = hunk.first, let last = hunk.last else { return }
        let first0 = max(first.line0 - context, 0)
        let first1 = max(first.line1 - context, 0)
        let last0 = min(last.line0 + last.deleted - 1 + context, lines.0.count - 1)
        let last1 = min(last.line1 + last.inserted - 1 + context, lines.1.count - 1)
        output += Array("@@ -\(range(first0, last0)) +\(range(first1, last1)) @@\n".utf8)
        var i = first0
        var j = first1
        var next = hunk.startIndex
        while i <= last0 || j <= last1 {
            if next == hunk.endIndex || i < hunk[next].line0 {
                write(lines.0[i], marker: UInt8(ascii: " "), to: &output)
                i += 1
                j += 1
            } else {
                let change = hunk[next]
                for _ in 0..<change.deleted {
                    write(lines.0[i], marker: UInt8(ascii: "-"), to: &output)
                    i += 1
                }
                for _ in 0..<change.inserted {
                    write(lines.1[j], marker: UInt8(ascii: "+"), to: &output)
                    j += 1
                }
                next += 1
            }
        }
    }

    /// A hunk's range of 0-based lines `first...last` as GNU prints it: `5` for one line, `5,3` for
    /// three, and for no lines the number of the line before them with `,0`.
    private static func range(_ first: Int, _ last: Int) -> String {
        let start = first + 1
        let end = last + 1
        if end < start { return "\(end),0" }
        if end == start { return "\(start)" }
        return "\(start),\(end - start + 1)"
    }

    /// Appends a line with its marker, and GNU's note when it is a last line without a newline.
    private static func write(_ line: ArraySlice<UInt8>, marker: UInt8, to output: inout [UInt8]) {
        output.append(marker)
        output += line
        if line.last != UInt8(ascii: "\n") {
            output += Array("\n\\ No newline at end of file\n".utf8)
        }
    }
}

/// GNU diff's choice of which lines match, reproduced step by step so that ties break as they do there.
private enum LineMatcher {
    /// A run of deleted and inserted lines; `line0` and `line1` are 0-based, and with nothing deleted
    /// (inserted) `line0` (`line1`) is the line before which the change happens.
    struct Change {
        var line0: Int
        var line1: Int
        var deleted: Int
        var inserted: Int
    }

    /// The changes from `old` to `new` in file order; `horizon` is the context width, which GNU diff also
    /// keeps of the common ends so that changes can shift into it.
    static func changes(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>], horizon: Int) -> [Change] {
        // GNU trims the common head and tail before matching, but keeps `horizon` lines of each.
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        let prefix = max(0, head - horizon)
        var tail = 0
        let tailLimit = min(old.count, new.count) - prefix
        while tail < tailLimit, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let suffix = max(0, tail - horizon)

        var classes: [ArraySlice<UInt8>: Int] = [:]
        func classify(_ lines: ArraySlice<ArraySlice<UInt8>>) -> [Int] {
            lines.map { line in
                if let known = classes[line] { return known }
                let number = classes.count + 1
                classes[line] = number
                return number
            }
        }
        var files = (
            FileLines(equivs: classify(old[prefix..<(old.count - suffix)])),
            FileLines(equivs: classify(new[prefix..<(new.count - suffix)]))
        )
        discardConfusingLines(&files)
        var search = MiddleSnakeSearch(files.0.undiscarded, files.1.undiscarded)
        search.compare(0, files.0.undiscarded.count, 0, files.1.undiscarded.count, findMinimal: false)
        for index in search.deletedX { files.0.changed[files.0.realIndexes[index] + 1] = true }
        for index in search.insertedY { files.1.changed[files.1.realIndexes[index] + 1] = true }
        shiftBoundaries(&files.0, other: files.1)
        shiftBoundaries(&files.1, other: files.0)
        return script(files, offset: prefix)
    }

    /// The middle lines of one file while they are matched.
    struct FileLines {
        /// The equivalence class of each line: equal lines, equal numbers.
        var equivs: [Int]
        /// Whether each line is deleted (inserted); index `i + 1` holds line `i`, with `false` at both ends.
        var changed: [Bool]
        /// The classes of the lines left for the search after discarding.
        var undiscarded: [Int] = []
        /// The line number of each undiscarded line.
        var realIndexes: [Int] = []

        init(equivs: [Int]) {
            self.equivs = equivs
            changed = Array(repeating: false, count: equivs.count + 2)
        }
    }

    /// Marks lines that match nothing in the other file as changed, and leaves them out of the search;
    /// lines that match very many are left out too when they sit inside runs of such lines.
    static func discardConfusingLines(_ files: inout (FileLines, FileLines)) {
        var counts = ([Int: Int](), [Int: Int]())
        for equiv in files.0.equivs { counts.0[equiv, default: 0] += 1 }
        for equiv in files.1.equivs { counts.1[equiv, default: 0] += 1 }
        var discards = (
            candidateDiscards(files.0.equivs, otherCounts: counts.1),
            candidateDiscards(files.1.equivs, otherCounts: counts.0)
        )
        settleDiscards(&discards.0)
        settleDiscards(&discards.1)
        applyDiscards(discards.0, to: &files.0)
        applyDiscards(discards.1, to: &files.1)
    }

    /// Whether a line is left out of the search.
    enum Discard {
        case keep
        /// The line matches no line of the other file.
        case certain
        /// The line matches more lines of the other file than about the square root of its length.
        case provisional
    }

    /// The discards before provisional ones are settled.
    static func candidateDiscards(_ equivs: [Int], otherCounts: [Int: Int]) -> [Discard] {
        var many = 5
        var tem = equivs.count >> 6
        while true {
            tem >>= 2
            if tem <= 0 { break }
            many *= 2
        }
        return equivs.map { equiv in
            let matches = otherCounts[equiv] ?? 0
            return matches == 0 ? .certain : (matches > many ? .provisional : .keep)
        }
    }

    /// Keeps a provisional discard only inside a run of discards that starts and ends with real ones,
    /// with GNU's rules for how many provisionals a run may hold.
    static func settleDiscards(_ discards: inout [Discard]) {
        let end = discards.count
        var i = 0
        while i < end {
            defer { i += 1 }
            if discards[i] == .provisional {
                discards[i] = .keep
                continue
            }
            if discards[i] == .keep { continue }
            var j = i
            var provisional = 0
            while j < end, discards[j] != .keep {
                if discards[j] == .provisional { provisional += 1 }
                j += 1
            }
            while j > i, discards[j - 1] == .provisional {
                j -= 1
                discards[j] = .keep
                provisional -= 1
            }
            let length = j - i
            if provisional * 4 > length {
                while j > i {
                    j -= 1
                    if discards[j] == .provisional { discards[j] = .keep }
                }
                continue
            }
            var minimum = 1
            var tem = length >> 2
            while true {
                tem >>= 2
                if tem <= 0 { break }
                minimum <<= 1
            }
            minimum += 1
            // Cancel every subrun of `minimum` or more provisionals; on reaching the count, step back
            // to the subrun's start so that the whole of it is cancelled.
            var consec = 0
            j = 0
            while j < length {
                if discards[i + j] != .provisional {
                    consec = 0
                } else {
                    consec += 1
                    if consec == minimum {
                        j -= consec
                    } else if consec > minimum {
                        discards[i + j] = .keep
                    }
                }
                j += 1
            }
            cancelProvisionalsAtEnd(&discards, from: i, step: 1, length: length)
            i += length - 1
            cancelProvisionalsAtEnd(&discards, from: i, step: -1, length: length)
        }
    }

    /// Cancels provisionals from one end of a run until three real discards in a row, or a real one
    /// at least 8 lines in.
    static func cancelProvisionalsAtEnd(_ discards: inout [Discard], from start: Int, step: Int, length: Int) {
        var consec = 0
        for j in 0..<length {
            let index = start + step * j
            if j >= 8, discards[index] == .certain { break }
            switch discards[index] {
            case .provisional:
                consec = 0
                discards[index] = .keep
            case .keep: consec = 0
            case .certain: consec += 1
            }
            if consec == 3 { break }
        }
    }

    /// Marks the discarded lines as changed and collects the others for the search.
    static func applyDiscards(_ discards: [Discard], to file: inout FileLines) {
        for (index, discard) in discards.enumerated() {
            if discard == .keep {
                file.undiscarded.append(file.equivs[index])
                file.realIndexes.append(index)
            } else {
                file.changed[index + 1] = true
            }
        }
    }

    /// Slides each run of changes over equal neighbouring lines: back to merge with earlier runs, then
    /// forward as far as it goes, then back to line up with a change in the other file if it can.
    static func shiftBoundaries(_ file: inout FileLines, other: FileLines) {
        let equivs = file.equivs
        let end = equivs.count
        // Index `k + 1` holds line `k`, so that the false ends at -1 and `end` stop every scan.
        func changed(_ k: Int) -> Bool { file.changed[k + 1] }
        func otherChanged(_ k: Int) -> Bool { other.changed.indices.contains(k + 1) && other.changed[k + 1] }
        var i = 0
        var j = 0
        while true {
            while i < end, !changed(i) {
                while otherChanged(j) { j += 1 }
                j += 1
                i += 1
            }
            if i == end { break }
            var start = i
            i += 1
            while changed(i) { i += 1 }
            while otherChanged(j) { j += 1 }
            var runLength = 0
            var corresponding = end
            repeat {
                runLength = i - start
                while start > 0, equivs[start - 1] == equivs[i - 1] {
                    start -= 1
                    file.changed[start + 1] = true
                    i -= 1
                    file.changed[i + 1] = false
                    while changed(start - 1) { start -= 1 }
                    j -= 1
                    while otherChanged(j) { j -= 1 }
                }
                corresponding = otherChanged(j - 1) ? i : end
                while i != end, equivs[start] == equivs[i] {
                    file.changed[start + 1] = false
                    start += 1
                    file.changed[i + 1] = true
                    i += 1
                    while changed(i) { i += 1 }
                    j += 1
                    while otherChanged(j) {
                        corresponding = i
                        j += 1
                    }
                }
            } while runLength != i - start
            while corresponding < i {
                start -= 1
                file.changed[start + 1] = true
                i -= 1
                file.changed[i + 1] = false
                j -= 1
                while otherChanged(j) { j -= 1 }
            }
        }
    }

    /// The runs of changed lines, paired up in file order, with line numbers counted from the start.
    static func script(_ files: (FileLines, FileLines), offset: Int) -> [Change] {
        var changes: [Change] = []
        let count0 = files.0.equivs.count
        let count1 = files.1.equivs.count
        var i0 = 0
        var i1 = 0
        while i0 < count0 || i1 < count1 {
            if files.0.changed[i0 + 1] || files.1.changed[i1 + 1] {
                let line0 = i0
                let line1 = i1
                while files.0.changed[i0 + 1] { i0 += 1 }
                while files.1.changed[i1 + 1] { i1 += 1 }
                changes.append(Change(line0: line0 + offset, line1: line1 + offset, deleted: i0 - line0, inserted: i1 - line1))
            }
            i0 += 1
            i1 += 1
        }
        return changes
    }
}

/// Myers' O((N+M)·D) search for a shortest edit script, dividing at the middle snake, with GNU's cap on
/// the cost of each search (past it, the best point so far is taken and the diff may be longer).
private struct MiddleSnakeSearch {
    let xs: [Int]
    let ys: [Int]
    /// Furthest x reached on each diagonal, forward and backward; diagonal `d` is at `d + diagonalOffset`.
    var forward: [Int]
    var backward: [Int]
    let diagonalOffset: Int
    let tooExpensive: Int
    /// Positions in `xs` that are deleted and in `ys` that are inserted.
    var deletedX: [Int] = []
    var insertedY: [Int] = []

    init(_ xs: [Int], _ ys: [Int]) {
        self.xs = xs
        self.ys = ys
        var diagonals = xs.count + ys.count + 3
        forward = Array(repeating: 0, count: diagonals)
        backward = Array(repeating: 0, count: diagonals)
        diagonalOffset = ys.count + 1
        // About twice the square root of the input size, but never below 4096, as in GNU diff.
        var cost = 1
        while diagonals != 0 {
            cost <<= 1
            diagonals >>= 2
        }
        tooExpensive = max(4096, cost)
    }

    /// Finds the changes within `xs[xoff..<xlim]` and `ys[yoff..<ylim]`.
    mutating func compare(_ xoff: Int, _ xlim: Int, _ yoff: Int, _ ylim: Int, findMinimal: Bool) {
        var (xoff, xlim, yoff, ylim, findMinimal) = (xoff, xlim, yoff, ylim, findMinimal)
        while true {
            while xoff < xlim, yoff < ylim, xs[xoff] == ys[yoff] {
                xoff += 1
                yoff += 1
            }
            while xoff < xlim, yoff < ylim, xs[xlim - 1] == ys[ylim - 1] {
                xlim -= 1
                ylim -= 1
            }
            if xoff == xlim {
                insertedY += yoff..<ylim
                return
            }
            if yoff == ylim {
                deletedX += xoff..<xlim
                return
            }
            let part = middle(xoff, xlim, yoff, ylim, findMinimal: findMinimal)
            // Recursing into the smaller half and looping on the larger keeps the stack shallow; the
            // halves are independent, so the order changes nothing in the result.
            if (xlim + ylim) - (part.x + part.y) < (part.x + part.y) - (xoff + yoff) {
                compare(part.x, xlim, part.y, ylim, findMinimal: part.highMinimal)
                (xlim, ylim, findMinimal) = (part.x, part.y, part.lowMinimal)
            } else {
                compare(xoff, part.x, yoff, part.y, findMinimal: part.lowMinimal)
                (xoff, yoff, findMinimal) = (part.x, part.y, part.highMinimal)
            }
        }
    }

    /// A point on a shortest (or, past the cost cap, a good) edit path, and whether each half must
    /// still be searched minimally.
    struct Partition {
        var x: Int
        var y: Int
        var lowMinimal: Bool
        var highMinimal: Bool
    }

    /// Searches from both corners at once until the searches meet; the ends must not match.
    mutating func middle(_ xoff: Int, _ xlim: Int, _ yoff: Int, _ ylim: Int, findMinimal: Bool) -> Partition {
        let tooExpensive = tooExpensive
        let o = diagonalOffset
        // The search's inner loops run on buffer pointers: with bounds-checked arrays an unoptimised
        // (test) build takes seconds on 10,000 dissimilar lines. Every index stays within `dmin - 1...dmax + 1`
        // on the diagonals and within the given bounds on the lines.
        let outcome: SearchOutcome = xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                forward.withUnsafeMutableBufferPointer { forward in
                    backward.withUnsafeMutableBufferPointer { backward in
                        let dmin = xoff - ylim
                        let dmax = xlim - yoff
                        let fmid = xoff - yoff
                        let bmid = xlim - ylim
                        var fmin = fmid
                        var fmax = fmid
                        var bmin = bmid
                        var bmax = bmid
                        let odd = (fmid - bmid) & 1 != 0
                        forward[fmid + o] = xoff
                        backward[bmid + o] = xlim
                        var cost = 1
                        while true {
                            if fmin > dmin {
                                fmin -= 1
                                forward[fmin - 1 + o] = -1
                            } else {
                                fmin += 1
                            }
                            if fmax < dmax {
                                fmax += 1
                                forward[fmax + 1 + o] = -1
                            } else {
                                fmax -= 1
                            }
                            var d = fmax
                            while d >= fmin {
                                let low = forward[d - 1 + o]
                                let high = forward[d + 1 + o]
                                var x = low < high ? high : low + 1
                                var y = x - d
                                while x < xlim, y < ylim, xs[x] == ys[y] {
                                    x += 1
                                    y += 1
                                }
                                forward[d + o] = x
                                if odd, bmin <= d, d <= bmax, backward[d + o] <= x {
                                    return .met(Partition(x: x, y: y, lowMinimal: true, highMinimal: true))
                                }
                                d -= 2
                            }
                            if bmin > dmin {
                                bmin -= 1
                                backward[bmin - 1 + o] = Int.max
                            } else {
                                bmin += 1
                            }
                            if bmax < dmax {
                                bmax += 1
                                backward[bmax + 1 + o] = Int.max
                            } else {
                                bmax -= 1
                            }
                            d = bmax
                            while d >= bmin {
                                let low = backward[d - 1 + o]
                                let high = backward[d + 1 + o]
                                var x = low < high ? low : high - 1
                                var y = x - d
                                while xoff < x, yoff < y, xs[x - 1] == ys[y - 1] {
                                    x -= 1
                                    y -= 1
                                }
                                backward[d + o] = x
                                if !odd, fmin <= d, d <= fmax, x <= forward[d + o] {
                                    return .met(Partition(x: x, y: y, lowMinimal: true, highMinimal: true))
                                }
                                d -= 2
                            }
                            if !findMinimal, cost >= tooExpensive {
                                return .tooExpensive(forward: (fmin, fmax), backward: (bmin, bmax))
                            }
                            cost += 1
                        }
                    }
                }
            }
        }
        switch outcome {
        case .met(let partition):
            return partition
        case .tooExpensive(let forwardRange, let backwardRange):
            return bestSoFar(xoff, xlim, yoff, ylim, forwardRange: forwardRange, backwardRange: backwardRange)
        }
    }

    /// How a search ended: the two searches met, or the cost cap was reached with these diagonals searched.
    enum SearchOutcome {
        case met(Partition)
        case tooExpensive(forward: (Int, Int), backward: (Int, Int))
    }

    /// Past the cost cap: the forward point furthest along or the backward one, whichever got further.
    func bestSoFar(
        _ xoff: Int, _ xlim: Int, _ yoff: Int, _ ylim: Int,
        forwardRange: (Int, Int), backwardRange: (Int, Int)
    ) -> Partition {
        let o = diagonalOffset
        var forwardBest = -1
        var forwardX = 0
        for d in stride(from: forwardRange.1, through: forwardRange.0, by: -2) {
            var x = min(forward[d + o], xlim)
            var y = x - d
            if ylim < y {
                x = ylim + d
                y = ylim
            }
            if forwardBest < x + y {
                forwardBest = x + y
                forwardX = x
            }
        }
        var backwardBest = Int.max
        var backwardX = 0
        for d in stride(from: backwardRange.1, through: backwardRange.0, by: -2) {
            var x = max(xoff, backward[d + o])
            var y = x - d
            if y < yoff {
                x = yoff + d
                y = yoff
            }
            if x + y < backwardBest {
                backwardBest = x + y
                backwardX = x
            }
        }
        if (xlim + ylim) - backwardBest < forwardBest - (xoff + yoff) {
            return Partition(x: forwardX, y: forwardBest - forwardX, lowMinimal: true, highMinimal: false)
        }
        return Partition(x: backwardX, y: backwardBest - backwardX, lowMinimal: false, highMinimal: true)
    }
}

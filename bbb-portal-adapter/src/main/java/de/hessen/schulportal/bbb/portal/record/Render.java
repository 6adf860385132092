// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.record;

import java.util.List;

/** A record is headings, paragraphs and tables; this writes them as Markdown or HTML. */
final class Render {
    private Render() {
    }

    /** One block of the document: a heading (level 1 or 2), a paragraph, or a table. */
    static final class Block {
        final int level;
        final String text;
        final List<String> header;
        final List<List<String>> rows;

        private Block(int level, String text, List<String> header, List<List<String>> rows) {
            this.level = level;
            this.text = text;
            this.header = header;
            this.rows = rows;
        }
    }

    static Block heading(int level, String text) {
        return new Block(level, text, null, null);
    }

    static Block para(String text) {
        return new Block(0, text, null, null);
    }

    static Block table(List<String> header, List<List<String>> rows) {
        return new Block(0, null, List.copyOf(header), List.copyOf(rows));
    }

    static String markdown(List<Block> blocks) {
        StringBuilder sb = new StringBuilder(8192);
        for (Block b : blocks) {
            if (b.header != null) {
                row(sb, b.header);
                sb.append('|');
                b.header.forEach(h -> sb.append("---|"));
                sb.append('\n');
                b.rows.forEach(r -> row(sb, r));
            } else if (b.level > 0) {
                sb.append("#".repeat(b.level)).append(' ').append(b.text).append('\n');
            } else {
                sb.append(b.text).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing() + "\n";
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        sb.append('\n');
    }

    static String html(String title, String lang, List<Block> blocks) {
        StringBuilder sb = new StringBuilder(16384);
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>table{border-collapse:collapse}td,th{border:1px solid #999;"
                        + "padding:4px;vertical-align:top;text-align:left}</style>\n</head>\n<body>\n");
        for (Block b : blocks) {
            if (b.header != null) {
                sb.append("<table>\n<thead><tr>");
                b.header.forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
                sb.append("</tr></thead>\n<tbody>\n");
                for (List<String> r : b.rows) {
                    sb.append("<tr>");
                    r.forEach(c -> sb.append("<td>").append(escape(c)).append("</td>"));
                    sb.append("</tr>\n");
                }
                sb.append("</tbody>\n</table>\n");
            } else if (b.level > 0) {
                sb.append("<h").append(b.level).append('>').append(escape(b.text)).append("</h").append(b.level).append(">\n");
            } else {
                sb.append("<p>").append(escape(b.text)).append("</p>\n");
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }
}

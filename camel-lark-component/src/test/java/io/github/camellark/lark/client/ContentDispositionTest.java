package io.github.camellark.lark.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {

    @Test
    void quotedPlainAndExtendedNames() {
        assertThat(ContentDisposition.fileName("attachment; filename=\"report 1.pdf\"")).isEqualTo("report 1.pdf");
        assertThat(ContentDisposition.fileName("attachment; filename=report.pdf")).isEqualTo("report.pdf");
        assertThat(ContentDisposition.fileName("attachment; filename=\"a\\\"b.txt\"")).isEqualTo("a\"b.txt");
        assertThat(ContentDisposition.fileName("attachment; FileName=x.png; size=3")).isEqualTo("x.png");
    }

    @Test
    void rfc5987NameWinsOverThePlainOne() {
        assertThat(ContentDisposition.fileName("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf"))
                .isEqualTo("报告.pdf");
        assertThat(ContentDisposition.fileName("attachment; filename*=utf-8'en'a%20b.txt")).isEqualTo("a b.txt");
    }

    @Test
    void brokenExtendedNameFallsBackToThePlainOne() {
        assertThat(ContentDisposition.fileName("attachment; filename*=UTF-8''%E6%8; filename=plain.txt")).isEqualTo("plain.txt");
    }

    @Test
    void noName() {
        assertThat(ContentDisposition.fileName(null)).isNull();
        assertThat(ContentDisposition.fileName("attachment")).isNull();
        assertThat(ContentDisposition.fileName("inline; filename=\"\"")).isNull();
    }

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(ContentDisposition.fileName("attachment; filename=\"../../etc/passwd\"")).isEqualTo("passwd");
        assertThat(ContentDisposition.fileName("attachment; filename=\"C:\\\\temp\\\\x.doc\"")).isEqualTo("x.doc");
        assertThat(ContentDisposition.fileName("attachment; filename*=UTF-8''..%2F..%2Fa.txt")).isEqualTo("a.txt");
        assertThat(ContentDisposition.fileName("attachment; filename=\"..\"")).isNull();
    }

    @Test
    void semicolonsInsideQuotesAndOtherCharsets() {
        assertThat(ContentDisposition.fileName("attachment; filename=\"semi;colon.txt\"; size=3")).isEqualTo("semi;colon.txt");
        assertThat(ContentDisposition.fileName("attachment; filename*=ISO-8859-1''caf%E9.txt")).isEqualTo("café.txt");
        assertThat(ContentDisposition.fileName("attachment; filename=\"ok.txt\"; filename*=UTF-8''bad%G1")).isEqualTo("ok.txt");
    }
}

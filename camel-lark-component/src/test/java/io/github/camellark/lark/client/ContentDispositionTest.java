package io.github.camellark.lark.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {

    @Test
    void readsQuotedAndTokenFileNames() {
        assertThat(ContentDisposition.fileName("attachment; filename=\"report 2024.pdf\"")).isEqualTo("report 2024.pdf");
        assertThat(ContentDisposition.fileName("attachment; filename=report.pdf")).isEqualTo("report.pdf");
        assertThat(ContentDisposition.fileName("attachment; FileName=\"a\\\"b.txt\"")).isEqualTo("a\"b.txt");
        assertThat(ContentDisposition.fileName("attachment; filename=\"semi;colon.txt\"; size=3")).isEqualTo("semi;colon.txt");
    }

    @Test
    void prefersTheRfc5987ExtendedName() {
        assertThat(ContentDisposition.fileName("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E5%91%A8%E6%8A%A5.pdf"))
                .isEqualTo("周报.pdf");
        assertThat(ContentDisposition.fileName("attachment; filename*=utf-8'en'na%20me.txt")).isEqualTo("na me.txt");
        assertThat(ContentDisposition.fileName("attachment; filename*=ISO-8859-1''caf%E9.txt")).isEqualTo("café.txt");
    }

    @Test
    void fallsBackToThePlainNameWhenTheExtendedOneIsBroken() {
        assertThat(ContentDisposition.fileName("attachment; filename=\"ok.txt\"; filename*=UTF-8''bad%G1")).isEqualTo("ok.txt");
        assertThat(ContentDisposition.fileName("attachment; filename=\"ok.txt\"; filename*=NOPE''x")).isEqualTo("ok.txt");
        assertThat(ContentDisposition.fileName("attachment; filename=\"ok.txt\"; filename*=no-quotes")).isEqualTo("ok.txt");
    }

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(ContentDisposition.fileName("attachment; filename=\"../../etc/passwd\"")).isEqualTo("passwd");
        assertThat(ContentDisposition.fileName("attachment; filename=\"C:\\\\temp\\\\x.doc\"")).isEqualTo("x.doc");
        assertThat(ContentDisposition.fileName("attachment; filename=\"..\"")).isNull();
    }

    @Test
    void noNameGivesNull() {
        assertThat(ContentDisposition.fileName(null)).isNull();
        assertThat(ContentDisposition.fileName("inline")).isNull();
        assertThat(ContentDisposition.fileName("attachment; filename=\"\"")).isNull();
    }
}

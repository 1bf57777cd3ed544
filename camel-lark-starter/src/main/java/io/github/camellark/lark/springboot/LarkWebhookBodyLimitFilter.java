package io.github.camellark.lark.springboot;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import io.github.camellark.lark.event.webhook.WebhookBodyLimits;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Refuses a Lark webhook request whose body is larger than the {@code maxEventBodySize} of the {@code lark:events}
 * served at its path, before the server reads it: at once from its {@code Content-Length}, and for a chunked body as
 * soon as the bytes read pass the bound (the accepted body, at most that bound, is then handed on from memory).
 * Requests to any other path pass untouched.
 */
final class LarkWebhookBodyLimitFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(LarkWebhookBodyLimitFilter.class);

    private final ObjectProvider<CamelContext> camelContext;
    /** Looked up once: the filter sees every request of the application. */
    private volatile WebhookBodyLimits limits;

    LarkWebhookBodyLimitFilter(ObjectProvider<CamelContext> camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        OptionalInt max = request instanceof HttpServletRequest http && "POST".equals(http.getMethod())
                ? maxBodySize(http) : OptionalInt.empty();
        if (max.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest http = (HttpServletRequest) request;
        long declared = http.getContentLengthLong();
        if (declared > max.getAsInt()) {
            refuse((HttpServletResponse) response, "Content-Length " + declared + ", before reading it", max.getAsInt());
            return;
        }
        if (declared >= 0) {
            // the container reads no more than Content-Length
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(http.getInputStream(), max.getAsInt() + 1);
        if (body.length > max.getAsInt()) {
            refuse((HttpServletResponse) response, "a chunked body passing it while being read", max.getAsInt());
            return;
        }
        chain.doFilter(new ReadBody(http, body), response);
    }

    private OptionalInt maxBodySize(HttpServletRequest request) {
        WebhookBodyLimits known = limits;
        if (known == null) {
            CamelContext context = camelContext.getIfAvailable();
            if (context == null) {
                return OptionalInt.empty();
            }
            known = WebhookBodyLimits.of(context);
            limits = known;
        }
        return known.maxBodySize(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < limit && (read = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) != -1) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static void refuse(HttpServletResponse response, String how, int max) throws IOException {
        String reason = WebhookBodyLimits.tooLargeReason(max);
        LOG.warn("Refused a Lark webhook request with HTTP 413: {}: {}", reason, how);
        // the same answer as the component's own: the reason is plain text, no JSON escaping needed
        byte[] body = ("{\"msg\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(413);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        // sent now, while the sender may still be sending: the container drops the rest of the body
        response.flushBuffer();
    }

    /** The request with its body already read (at most maxEventBodySize bytes). */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is here: a non-blocking reader gets it at once
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException | RuntimeException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

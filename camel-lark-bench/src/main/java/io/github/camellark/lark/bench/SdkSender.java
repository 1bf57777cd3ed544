package io.github.camellark.lark.bench;

import java.net.URI;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageResp;
import com.lark.oapi.service.im.v1.model.ext.MessageText;

/** The official SDK as its README shows it: a blocking {@code im().message().create(...)} per message. */
final class SdkSender implements SendHarness.BlockingClient {

    private final Client client;

    SdkSender(URI baseUri) {
        client = Client.newBuilder(BenchApp.APP_ID, BenchApp.APP_SECRET).openBaseUrl(baseUri.toString()).build();
    }

    @Override
    public void send(int i) throws Exception {
        CreateMessageReq request = CreateMessageReq.newBuilder()
                .receiveIdType("chat_id")
                .createMessageReqBody(CreateMessageReqBody.newBuilder()
                        .receiveId(BenchApp.CHAT_ID)
                        .msgType("text")
                        .content(MessageText.newBuilder().text(BenchApp.text(i)).build())
                        .build())
                .build();
        CreateMessageResp response = client.im().message().create(request);
        if (!response.success()) {
            throw new IllegalStateException("Lark code " + response.getCode() + ": " + response.getMsg());
        }
    }
}

package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimUser;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator until Ctrl-C, for demos and manual exploration:
 * {@code java -cp camel-lark-testkit.jar:jackson-*.jar io.github.camellark.lark.testkit.LarkSimulatorMain [port]}.
 * It creates a user "Alice" and a chat "ops-room", prints what a client needs, and prints the
 * conversation when it stops.
 */
public final class LarkSimulatorMain {

    private LarkSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        LarkSimulator sim = LarkSimulator.builder().port(port).start();
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("ops-room", alice);
        System.out.println("Lark simulator on " + sim.baseUri());
        System.out.println("  appId     " + sim.appId());
        System.out.println("  appSecret " + sim.appSecret());
        System.out.println("  chat      " + room.name() + " " + room.chatId());
        System.out.println("  user      " + alice.name() + " " + alice.openId());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nConversation:\n" + sim.conversation());
            sim.close();
            stopped.countDown();
        }, "lark-simulator-shutdown"));
        stopped.await();
    }
}

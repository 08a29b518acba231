package io.orderflow.proof;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.CommitStockCommand;
import io.orderflow.contracts.inventory.ReserveStockCommand;
import io.orderflow.inventory.InventoryAggregateConfiguration;
import io.orderflow.platform.service.AxonPlatform;
import io.orderflow.platform.service.ServiceApplication;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The benchmark's {@code reservations} workload (target 5 of docs/performance.md): the {@code Inventory} aggregate of
 * one product, as the inventory-service runs it (JDBC event store, snapshots, checked cache), driven from this
 * process as the order saga drives it: each batch of {@code batch} orders reserves one unit for each of them and
 * commits the reservations of the batch before, all in one unit of work and transaction, as the saga's processor
 * batch does. So every order costs the product two commands, and at any time about two batches of reservations
 * are open. Prints {@code result.*} lines for {@link EndToEndBenchmark}, which measures the processes' CPU.
 *
 * <p>Arguments: database URL, user, password, then the number of orders per step separated by commas (for example
 * {@code 10000,90000}: the product's state is reported after each step), then the batch size. It reads standard
 * input for a line before each step, so that the benchmark can take its measurements between them.
 */
public final class ReservationLoad {

    private ReservationLoad() {
    }

    public static void main(String[] args) throws Exception {
        String[] steps = args[3].split(",");
        int batch = Integer.parseInt(args[4]);
        try (ConfigurableApplicationContext context = ServiceApplication.builder("reservation-load", Service.class)
                .web(WebApplicationType.NONE)
                .run("--orderflow.db.url=" + args[0], "--orderflow.db.username=" + args[1], "--orderflow.db.password=" + args[2],
                        "--orderflow.inventory.reservation-ttl=PT5M", "--orderflow.inventory.snapshot-threshold=100",
                        // the launcher's application.yml is on this classpath: no embedded broker, nothing kept on disk
                        "--orderflow.embedded.enabled=false", "--orderflow.data-directory=",
                        "--spring.autoconfigure.exclude=" + securityAutoConfigurations())) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            TransactionManager transactions = context.getBean(TransactionManager.class);
            ProductId product = ProductId.of(UUID.randomUUID().toString());
            commands.sendAndWait(new AddProductCommand(product, "Hot product", Money.of("10.00", "EUR"), 1_000_000_000));
            System.out.println("result.product=" + product.value());
            Deque<OrderId> open = new ArrayDeque<>();
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            for (String step : steps) {
                System.out.println("result.ready");
                if (reader.readLine() == null) {
                    return;
                }
                int orders = Integer.parseInt(step.trim());
                long cpuBefore = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
                long started = System.nanoTime();
                for (int done = 0; done < orders; done += batch) {
                    runBatch(commands, transactions, product, open, Math.min(batch, orders - done), batch);
                }
                long elapsed = System.nanoTime() - started;
                long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() - cpuBefore;
                System.out.printf("result.step orders=%d nanos=%d cpu=%d%n", orders, elapsed, cpu);
            }
            System.out.println("result.done");
            reader.readLine();
        }
    }

    /** One unit of work and transaction: {@code size} new reservations, and the commits of the oldest open ones. */
    private static void runBatch(CommandGateway commands, TransactionManager transactions, ProductId product, Deque<OrderId> open,
                                 int size, int keepOpen) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        List<CompletableFuture<Object>> results = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                OrderId order = OrderId.of(UUID.randomUUID().toString());
                results.add(commands.send(new ReserveStockCommand(product, order, 1)));
                open.addLast(order);
            }
            while (open.size() > keepOpen) {
                results.add(commands.send(new CommitStockCommand(product, open.removeFirst())));
            }
            unitOfWork.onPrepareCommit(u -> results.forEach(CompletableFuture::join));
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /** The edge's Spring Security is on this classpath (the launcher's); a service outside the edge runs without it. */
    private static String securityAutoConfigurations() {
        return String.join(",", org.springframework.boot.context.annotation.ImportCandidates
                .load(org.springframework.boot.autoconfigure.AutoConfiguration.class, ReservationLoad.class.getClassLoader())
                .getCandidates().stream()
                .filter(name -> name.startsWith("org.springframework.boot.security."))
                .toList());
    }

    @EnableAutoConfiguration
    @AxonPlatform
    @ComponentScan(basePackageClasses = InventoryAggregateConfiguration.class)
    static class Service {
    }
}

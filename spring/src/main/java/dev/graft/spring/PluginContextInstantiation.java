package dev.graft.spring;

import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory;
import org.springframework.beans.factory.support.InstantiationStrategy;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * The bean factory's instantiation strategy, wrapped: a bean whose class (or whose
 * {@code @Bean} method's class) belongs to a plugin is instantiated with that plugin's loader as
 * the thread context loader, as Graft creates extensions; every other bean as before.
 */
final class PluginContextInstantiation implements InstantiationStrategy {

    private final InstantiationStrategy delegate;
    private final PluginRuntime runtime;

    private PluginContextInstantiation(InstantiationStrategy delegate, PluginRuntime runtime) {
        this.delegate = delegate;
        this.runtime = runtime;
    }

    static void install(AbstractAutowireCapableBeanFactory factory, PluginRuntime runtime) {
        InstantiationStrategy current = factory.getInstantiationStrategy();
        if (!(current instanceof PluginContextInstantiation)) {
            factory.setInstantiationStrategy(new PluginContextInstantiation(current, runtime));
        }
    }

    @Override
    public Object instantiate(RootBeanDefinition bd, String beanName, BeanFactory owner) throws BeansException {
        return inContextOf(bd.hasBeanClass() ? bd.getBeanClass() : null, () -> delegate.instantiate(bd, beanName, owner));
    }

    @Override
    public Object instantiate(RootBeanDefinition bd, String beanName, BeanFactory owner, Constructor<?> ctor,
            Object... args) throws BeansException {
        return inContextOf(ctor.getDeclaringClass(), () -> delegate.instantiate(bd, beanName, owner, ctor, args));
    }

    @Override
    public Object instantiate(RootBeanDefinition bd, String beanName, BeanFactory owner, Object factoryBean,
            Method factoryMethod, Object... args) throws BeansException {
        return inContextOf(factoryMethod.getDeclaringClass(),
                () -> delegate.instantiate(bd, beanName, owner, factoryBean, factoryMethod, args));
    }

    @Override
    public Class<?> getActualBeanClass(RootBeanDefinition bd, String beanName, BeanFactory owner) {
        return delegate.getActualBeanClass(bd, beanName, owner);
    }

    private Object inContextOf(Class<?> type, Callable<Object> creation) {
        Optional<LoadedPlugin> plugin = type == null ? Optional.empty() : runtime.pluginOf(type);
        try {
            return plugin.isPresent() ? plugin.get().callWithContextLoader(creation) : creation.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) { // the delegate throws only BeansException; callWithContextLoader declares Exception
            throw new IllegalStateException(e);
        }
    }
}

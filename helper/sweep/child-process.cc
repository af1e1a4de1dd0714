/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/child-process.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ns3
{
namespace blueprint
{

bool
CommandOutput::Succeeded() const
{
    return WIFEXITED(waitStatus) && WEXITSTATUS(waitStatus) == 0;
}

CommandOutput
RunCommand(const std::vector<std::string>& argv)
{
    CommandOutput result;
    int outPipe[2];
    int errPipe[2];
    if (argv.empty() || pipe2(outPipe, O_CLOEXEC) != 0)
    {
        result.waitStatus = 127 << 8;
        return result;
    }
    if (pipe2(errPipe, O_CLOEXEC) != 0)
    {
        close(outPipe[0]);
        close(outPipe[1]);
        result.waitStatus = 127 << 8;
        return result;
    }
    std::vector<char*> args;
    for (const auto& a : argv)
    {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = fork();
    if (pid == 0)
    {
        dup2(outPipe[1], STDOUT_FILENO);
        dup2(errPipe[1], STDERR_FILENO);
        int devNull = open("/dev/null", O_RDONLY);
        if (devNull >= 0)
        {
            dup2(devNull, STDIN_FILENO);
        }
        execvp(args[0], args.data());
        const std::string message = "cannot start " + argv[0] + ": " + std::strerror(errno) + "\n";
        ssize_t ignored = write(STDERR_FILENO, message.data(), message.size());
        (void)ignored;
        _exit(127);
    }
    close(outPipe[1]);
    close(errPipe[1]);
    if (pid < 0)
    {
        close(outPipe[0]);
        close(errPipe[0]);
        result.waitStatus = 127 << 8;
        result.err = std::string("cannot fork: ") + std::strerror(errno);
        return result;
    }
    // Read both pipes together so a child filling one cannot block on it while we wait on the
    // other.
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2;
    while (open > 0)
    {
        if (poll(fds, 2, -1) < 0)
        {
            if (errno == EINTR)
            {
                continue;
            }
            break;
        }
        for (int i = 0; i < 2; ++i)
        {
            if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
            {
                char buffer[4096];
                ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
                if (n > 0)
                {
                    sinks[i]->append(buffer, n);
                }
                else if (n == 0 || errno != EINTR)
                {
                    close(fds[i].fd);
                    fds[i].fd = -1;
                    --open;
                }
            }
        }
    }
    while (waitpid(pid, &result.waitStatus, 0) < 0 && errno == EINTR)
    {
    }
    return result;
}

std::string
DescribeWaitStatus(int waitStatus)
{
    if (WIFEXITED(waitStatus))
    {
        return "exit status " + std::to_string(WEXITSTATUS(waitStatus));
    }
    if (WIFSIGNALED(waitStatus))
    {
        const int sig = WTERMSIG(waitStatus);
        const char* name = strsignal(sig);
        return "killed by signal " + std::to_string(sig) +
               (name ? std::string(" (") + name + ")" : "");
    }
    return "ended with wait status " + std::to_string(waitStatus);
}

bool
ProgramInPath(const std::string& name)
{
    const char* path = std::getenv("PATH");
    if (!path)
    {
        return false;
    }
    std::string dirs = path;
    std::size_t start = 0;
    while (start <= dirs.size())
    {
        std::size_t colon = dirs.find(':', start);
        std::string dir = dirs.substr(start, colon == std::string::npos ? colon : colon - start);
        if (access(((dir.empty() ? "." : dir) + "/" + name).c_str(), X_OK) == 0)
        {
            return true;
        }
        if (colon == std::string::npos)
        {
            break;
        }
        start = colon + 1;
    }
    return false;
}

std::string
SelfExecutable()
{
    char buffer[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
    if (n <= 0)
    {
        return "";
    }
    return std::string(buffer, n);
}

std::string
TailOfFile(const std::string& path, std::size_t lines)
{
    std::ifstream in(path);
    std::deque<std::string> tail;
    std::string line;
    while (std::getline(in, line))
    {
        tail.push_back(line);
        if (tail.size() > lines)
        {
            tail.pop_front();
        }
    }
    std::string out;
    for (const auto& l : tail)
    {
        out += l + "\n";
    }
    return out;
}

} // namespace blueprint
} // namespace ns3
